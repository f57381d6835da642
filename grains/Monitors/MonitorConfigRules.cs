using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Synthetic;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// The rules a monitor configuration must meet (Lunalytics restrictions), and its normal form.
/// Error keys are the neutral field ids of <see cref="MonitorField"/>; each API dialect names them its own way.
/// </summary>
public static class MonitorConfigRules
{
    public const int MinNameLength = 3;
    public const int MaxNameLength = 64;
    public const int MinInterval = 20;
    public const int MaxInterval = 600;
    public const int MinRequestTimeout = 5;
    public const int MaxRequestTimeout = 600;
    public const int MaxHeartbeatInterval = 86_400;
    public const int MaxHeartbeatGrace = 3_600;

    public static readonly IReadOnlyList<string> Methods = ["GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"];

    /// <summary>Checks <paramref name="config"/>; on success returns the normal form (method upper-cased, defaults filled, fields of the other type cleared).</summary>
    public static bool TryNormalize(MonitorConfig config, out MonitorConfig normalized, out IReadOnlyDictionary<string, string> errors)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = config.Name?.Trim() ?? "";
        if (name.Length is < MinNameLength or > MaxNameLength)
        {
            found[MonitorField.Name] = $"Name must be between {MinNameLength} and {MaxNameLength} characters";
        }

        if (config.Type != MonitorType.Heartbeat)
        {
            CheckRange(found, MonitorField.Interval, config.Interval, MinInterval, MaxInterval, "Interval");
            CheckRange(found, MonitorField.RetryInterval, config.RetryInterval, MinInterval, MaxInterval, "Retry interval");
            CheckRange(found, MonitorField.RequestTimeout, config.RequestTimeout, MinRequestTimeout, MaxRequestTimeout, "Request timeout");
        }

        normalized = config;
        switch (config.Type)
        {
            case MonitorType.Http:
                normalized = NormalizeHttp(config, name, found);
                break;
            case MonitorType.Tcp:
                normalized = NormalizeTcp(config, name, found);
                break;
            case MonitorType.Ping:
                normalized = NormalizePing(config, name, found);
                break;
            case MonitorType.Dns:
                normalized = NormalizeDns(config, name, found);
                break;
            case MonitorType.Heartbeat:
                normalized = NormalizeHeartbeat(config, name, found);
                break;
            default:
                found[MonitorField.Type] = "Type must be http, tcp, ping, dns or heartbeat";
                break;
        }

        CheckText(normalized, found);
        errors = found;
        return found.Count == 0;
    }

    /// <summary>
    /// Text the monitor keeps must be storable: no NUL or lone surrogate anywhere (PostgreSQL refuses NUL), and no
    /// control character at all in one-line fields (name, URL, header values except tabs, assertion targets).
    /// </summary>
    private static void CheckText(MonitorConfig config, Dictionary<string, string> errors)
    {
        if (!OneLineText.IsValid(config.Name ?? ""))
        {
            errors.TryAdd(MonitorField.Name, "Name must be one line of text without control characters");
        }

        if (!OneLineText.IsValid(config.Url ?? ""))
        {
            errors.TryAdd(MonitorField.Url, "URL must be one line of text without control characters");
        }

        foreach (var value in (config.Headers ?? new Dictionary<string, string>()).Values)
        {
            if (!OneLineText.IsValid(value.Replace('\t', ' ')))
            {
                errors.TryAdd(MonitorField.Headers, "Header values must be one line of text without control characters");
                break;
            }
        }

        if (config.Body is { } body && !StoredText.IsClean(body))
        {
            errors.TryAdd(MonitorField.Body, "Body must not contain NUL characters or lone surrogates");
        }

        for (var index = 0; index < (config.Assertions?.Count ?? 0); index++)
        {
            var assertion = config.Assertions![index];
            if (!OneLineText.IsValid(assertion.Target ?? "") || !StoredText.IsClean(assertion.Value ?? ""))
            {
                errors.TryAdd(
                    MonitorField.Assertion(index),
                    "Assertion targets must be one line of text, and values must not contain NUL characters or lone surrogates");
            }
        }

        if (config.Dns is { } dns && (!OneLineText.IsValid(dns.Name ?? "") || !OneLineText.IsValid(dns.Resolver ?? "")))
        {
            errors.TryAdd(MonitorField.DnsName, "DNS names and resolvers must be one line of text without control characters");
        }

        if (config.Dns?.Expected is { } expected && expected.Any(value => !StoredText.IsClean(value ?? "")))
        {
            errors.TryAdd(MonitorField.DnsExpected, "Expected DNS values must not contain NUL characters or lone surrogates");
        }
    }

    private static MonitorConfig NormalizeHttp(MonitorConfig config, string name, Dictionary<string, string> errors)
    {
        var url = config.Url?.Trim() ?? "";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            errors[MonitorField.Url] = "URL must be a valid http:// or https:// address";
        }

        var method = (config.Method ?? "GET").Trim().ToUpperInvariant();
        if (!Methods.Contains(method))
        {
            errors[MonitorField.Method] = "Method must be one of " + string.Join(", ", Methods);
        }

        var codes = config.ValidStatusCodes is { Count: > 0 } given ? given : StatusCodeRanges.Default.ToStrings();
        if (!StatusCodeRanges.TryParse(codes, out var ranges, out var codeError))
        {
            errors[MonitorField.ValidStatusCodes] = codeError;
        }

        foreach (var header in config.Headers ?? new Dictionary<string, string>())
        {
            if (header.Key.Length == 0 || header.Key.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
            {
                errors[MonitorField.Headers] = $"Header name '{header.Key}' is not a valid HTTP header name";
                break;
            }

            if (header.Value.Any(c => c is '\r' or '\n' or '\0'))
            {
                errors[MonitorField.Headers] = $"Header '{header.Key}' has a value with a line break";
                break;
            }
        }

        // Text that is not text (checked in CheckText) cannot even be handed to the JSON parser.
        if (config.Body is { Length: > 0 } body && StoredText.IsClean(body) && !IsJson(body))
        {
            errors[MonitorField.Body] = "Body must be a JSON object";
        }

        if (config.Port is not null)
        {
            errors.TryAdd(MonitorField.Port, "Port applies to tcp monitors only");
        }

        if (config.Assertions is { Count: > 0 } assertions && !AssertionRules.TryValidate(assertions, out var assertionErrors))
        {
            foreach (var (field, message) in assertionErrors)
            {
                errors[field] = message;
            }
        }

        return config with
        {
            Name = name,
            Url = url,
            Method = method,
            Headers = config.Headers ?? new Dictionary<string, string>(),
            Body = string.IsNullOrWhiteSpace(config.Body) ? null : config.Body,
            ValidStatusCodes = errors.ContainsKey(MonitorField.ValidStatusCodes) ? codes : ranges.ToStrings(),
            Port = null,
            Dns = null,
            Heartbeat = null,
            Assertions = config.Assertions is { Count: > 0 } ? config.Assertions : null,
        };
    }

    private static MonitorConfig NormalizeTcp(MonitorConfig config, string name, Dictionary<string, string> errors)
    {
        var host = config.Url?.Trim() ?? "";
        if (!IsIPv4(host))
        {
            errors[MonitorField.Url] = "Host must be an IPv4 address";
        }

        if (config.Port is not (>= 1 and <= 65535))
        {
            errors[MonitorField.Port] = "Port must be between 1 and 65535";
        }

        return config with { Name = name, Url = host, Method = null, Headers = null, Body = null, ValidStatusCodes = null, Dns = null, Heartbeat = null, Assertions = null };
    }

    private static MonitorConfig NormalizePing(MonitorConfig config, string name, Dictionary<string, string> errors)
    {
        var host = config.Url?.Trim() ?? "";
        if (!IPAddress.TryParse(host, out _) && !IsHostName(host))
        {
            errors[MonitorField.Url] = "Host must be an IP address or a host name";
        }

        return config with { Name = name, Url = host, Port = null, Method = null, Headers = null, Body = null, ValidStatusCodes = null, Dns = null, Heartbeat = null, Assertions = null };
    }

    private static MonitorConfig NormalizeDns(MonitorConfig config, string name, Dictionary<string, string> errors)
    {
        if (config.Dns is null)
        {
            errors[MonitorField.Dns] = "A dns monitor needs a host name to query (or its DNS settings)";
            return config;
        }

        if (!DnsCheckRules.TryNormalize(config.Dns, out var dns, out var dnsErrors))
        {
            foreach (var (field, message) in dnsErrors)
            {
                errors[MonitorField.OfDns(field)] = message;
            }

            return config;
        }

        return config with { Name = name, Url = dns.Name, Port = null, Method = null, Headers = null, Body = null, ValidStatusCodes = null, Dns = dns, Heartbeat = null, Assertions = null };
    }

    private static MonitorConfig NormalizeHeartbeat(MonitorConfig config, string name, Dictionary<string, string> errors)
    {
        if (config.Heartbeat is not { } push)
        {
            errors[MonitorField.Heartbeat] = "A heartbeat monitor needs its heartbeat settings (interval, grace)";
            return config;
        }

        CheckRange(errors, MonitorField.HeartbeatInterval, push.IntervalSeconds, MinInterval, MaxHeartbeatInterval, "Heartbeat interval");
        CheckRange(errors, MonitorField.HeartbeatGrace, push.GraceSeconds, 0, MaxHeartbeatGrace, "Grace period");
        return config with
        {
            Name = name,
            Url = "",
            Port = null,
            Method = null,
            Headers = null,
            Body = null,
            ValidStatusCodes = null,
            Dns = null,
            Assertions = null,
            Interval = push.IntervalSeconds,
            RetryInterval = push.IntervalSeconds,
            RequestTimeout = Math.Clamp(config.RequestTimeout, MinRequestTimeout, MaxRequestTimeout),
        };
    }

    private static bool IsHostName(string host) =>
        host.Length is > 0 and <= 253
        && host.TrimEnd('.').Split('.').All(label => label.Length is >= 1 and <= 63
            && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-');

    private static void CheckRange(Dictionary<string, string> errors, string field, int value, int min, int max, string label)
    {
        if (value < min || value > max)
        {
            errors[field] = $"{label} must be between {min} and {max} seconds";
        }
    }

    private static bool IsIPv4(string host) =>
        host.Split('.') is { Length: 4 } parts
        && parts.All(p => p.Length is >= 1 and <= 3 && p.All(char.IsAsciiDigit))
        && IPAddress.TryParse(host, out var address)
        && address.AddressFamily == AddressFamily.InterNetwork;

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
