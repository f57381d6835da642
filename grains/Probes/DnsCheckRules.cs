using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Validates and normalizes the settings of a dns monitor: the record type upper-cased, the name trimmed and without its trailing dot,
/// the resolver as a canonical "ip" or "ip:port", the expected values trimmed, blank ones dropped and duplicates removed.
/// </summary>
public static class DnsCheckRules
{
    public const int MaxNameLength = 253;
    public const int MaxLabelLength = 63;
    public const int MaxExpectedValues = 20;
    public const int MaxExpectedValueLength = 255;
    public const int DefaultResolverPort = 53;

    /// <summary>Checks <paramref name="check"/>; on success <paramref name="normalized"/> is the cleaned copy, otherwise <paramref name="errors"/> maps "recordType", "name", "resolver" or "expected" to a message.</summary>
    public static bool TryNormalize(DnsCheck check, out DnsCheck normalized, out IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(check);
        var found = new Dictionary<string, string>();

        var recordType = DnsRecordTypes.Normalize(check.RecordType);
        if (recordType is null)
        {
            found["recordType"] = $"recordType must be one of {string.Join(", ", DnsRecordTypes.Names)}";
        }

        var name = (check.Name ?? string.Empty).Trim();
        if (!TryValidateName(name, out var nameError))
        {
            found["name"] = nameError;
        }
        else
        {
            name = name.TrimEnd('.');
        }

        string? resolver = null;
        if (!string.IsNullOrWhiteSpace(check.Resolver))
        {
            if (TryParseResolver(check.Resolver, out var endpoint, out var explicitPort))
            {
                resolver = explicitPort ? endpoint.ToString() : endpoint.Address.ToString();
            }
            else
            {
                found["resolver"] = "resolver must be an IPv4 or IPv6 address with an optional port 1-65535, e.g. 1.1.1.1, 127.0.0.1:5353 or [::1]:53";
            }
        }

        var expected = NormalizeExpected(check.Expected, found);

        errors = found;
        normalized = found.Count == 0
            ? check with { RecordType = recordType!, Name = name, Resolver = resolver, Expected = expected }
            : check;
        return found.Count == 0;
    }

    /// <summary>
    /// Reads a resolver "ip", "ip:port", "[ipv6]" or "[ipv6]:port"; a bare IPv6 address takes no port. The port defaults to 53.
    /// IPv4 must be a dotted quad of decimal numbers.
    /// </summary>
    public static bool TryParseResolver([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IPEndPoint? endpoint) =>
        TryParseResolver(text, out endpoint, out _);

    private static bool TryParseResolver([NotNullWhen(true)] string? text, [NotNullWhen(true)] out IPEndPoint? endpoint, out bool explicitPort)
    {
        endpoint = null;
        explicitPort = false;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        string host;
        string? port = null;
        if (value.StartsWith('['))
        {
            var close = value.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = value[1..close];
            var rest = value[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return false;
                }

                port = rest[1..];
            }

            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6)
            {
                return false;
            }
        }
        else if (value.Count(c => c == ':') == 1)
        {
            var colon = value.IndexOf(':', StringComparison.Ordinal);
            host = value[..colon];
            port = value[(colon + 1)..];
        }
        else
        {
            host = value;
        }

        if (!TryParseAddress(host, out var address))
        {
            return false;
        }

        var number = DefaultResolverPort;
        if (port is not null)
        {
            if (port.Length is 0 or > 5 || !port.All(char.IsAsciiDigit)
                || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out number) || number is < 1 or > 65535)
            {
                return false;
            }

            explicitPort = true;
        }

        endpoint = new IPEndPoint(address, number);
        return true;
    }

    private static bool TryParseAddress(string host, [NotNullWhen(true)] out IPAddress? address)
    {
        address = null;
        if (host.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(host, out address) && address.AddressFamily == AddressFamily.InterNetworkV6;
        }

        // IPAddress.TryParse also takes "1", "1.2" and hex parts; a resolver must be written as four decimal octets.
        var parts = host.Split('.');
        if (parts.Length != 4 || parts.Any(part => part.Length is 0 or > 3 || !part.All(char.IsAsciiDigit) || int.Parse(part, CultureInfo.InvariantCulture) > 255))
        {
            return false;
        }

        return IPAddress.TryParse(host, out address) && address.AddressFamily == AddressFamily.InterNetwork;
    }

    private static bool TryValidateName(string name, out string error)
    {
        var bare = name.EndsWith('.') ? name[..^1] : name;
        if (bare.Length == 0)
        {
            error = "name is required";
            return false;
        }

        if (bare.Length > MaxNameLength)
        {
            error = $"name must be at most {MaxNameLength} characters";
            return false;
        }

        foreach (var label in bare.Split('.'))
        {
            if (label.Length == 0)
            {
                error = "name must not contain empty labels";
                return false;
            }

            if (label.Length > MaxLabelLength)
            {
                error = $"each label of name must be at most {MaxLabelLength} characters";
                return false;
            }

            if (!label.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                error = "name may contain only letters, digits, hyphens and underscores between dots";
                return false;
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                error = "a label of name must not start or end with a hyphen";
                return false;
            }
        }

        error = string.Empty;
        return true;
    }

    private static IReadOnlyList<string> NormalizeExpected(IReadOnlyList<string>? expected, Dictionary<string, string> errors)
    {
        if (expected is null || expected.Count == 0)
        {
            return [];
        }

        if (expected.Count > MaxExpectedValues)
        {
            errors["expected"] = $"expected may list at most {MaxExpectedValues} values";
            return [];
        }

        var values = new List<string>(expected.Count);
        foreach (var raw in expected)
        {
            var value = raw?.Trim() ?? string.Empty;
            if (value.Length > MaxExpectedValueLength)
            {
                errors["expected"] = $"each expected value must be at most {MaxExpectedValueLength} characters";
                return [];
            }

            if (value.Length > 0 && !values.Contains(value, StringComparer.OrdinalIgnoreCase))
            {
                values.Add(value);
            }
        }

        return values;
    }
}
