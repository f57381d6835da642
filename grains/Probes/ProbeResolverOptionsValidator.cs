using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Probes;

/// <summary>Refuses a <see cref="ProbeResolverOptions.Resolver"/> that is not a DNS server address, so a typo stops the silo at start-up.</summary>
public sealed class ProbeResolverOptionsValidator : IValidateOptions<ProbeResolverOptions>
{
    public ValidateOptionsResult Validate(string? name, ProbeResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return string.IsNullOrWhiteSpace(options.Resolver) || DnsCheckRules.TryParseResolver(options.Resolver, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ProbeResolverOptions.InvalidMessage(options.Resolver));
    }
}
