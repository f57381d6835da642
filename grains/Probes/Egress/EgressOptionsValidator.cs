using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>Refuses <see cref="EgressOptions"/> with an entry that is not a CIDR range, naming the setting, so a typo stops the silo at start-up.</summary>
public sealed class EgressOptionsValidator : IValidateOptions<EgressOptions>
{
    public ValidateOptionsResult Validate(string? name, EgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Problems(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>One line per unusable entry, e.g. "Probes:Egress:Deny:0 is '10.0.0/8', which is not a CIDR range ...".</summary>
    public static IEnumerable<string> Problems(EgressOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (list, entries) in new[] { ("Deny", options.Deny), ("Allow", options.Allow) })
        {
            for (var i = 0; i < (entries?.Count ?? 0); i++)
            {
                var entry = entries![i];
                if (!IpRange.TryParse(entry, out _))
                {
                    yield return $"{EgressOptions.Section}:{list}:{i} is '{entry}', which is not a CIDR range: "
                        + "write an IPv4 or IPv6 address with an optional prefix length, e.g. 10.0.0.0/8, fd00::/8 or 192.0.2.7";
                }
            }
        }
    }
}
