using System.Globalization;
using System.Text.Json;

namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>
/// Checks a monitor's synthetic assertions against one HTTP answer and names every one that fails in a short line,
/// e.g. "status 500 not in 200-299" or "$.status is \"degraded\", expected \"ok\"". Domain expiry is asked of the
/// <see cref="RdapClient"/> (only when a domain assertion is present); without one such assertions fail as unknown.
/// </summary>
public sealed class AssertionEvaluator(RdapClient? rdap = null)
{
    /// <summary>The most of a body that is read for assertions (1 MiB); text beyond it is not seen.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The failures, in assertion order; empty when every assertion holds.</summary>
    public async Task<IReadOnlyList<string>> EvaluateAsync(IReadOnlyList<SyntheticAssertion> assertions, ResponseFacts facts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        ArgumentNullException.ThrowIfNull(facts);
        var failures = new List<string>();
        using var json = assertions.Any(a => a?.Kind is SyntheticAssertionKind.JsonPathEquals or SyntheticAssertionKind.JsonPathExists) ? TryParseJson(facts.Body) : null;
        foreach (var assertion in assertions)
        {
            if (AssertionRules.Check(assertion) is { } invalid)
            {
                failures.Add($"invalid assertion: {invalid}");
                continue;
            }

            var failure = assertion.Kind switch
            {
                SyntheticAssertionKind.StatusCodeIn => CheckStatus(assertion, facts),
                SyntheticAssertionKind.ResponseTimeBelow => CheckResponseTime(assertion, facts),
                SyntheticAssertionKind.BodyContains => facts.Body.Contains(assertion.Value!, StringComparison.Ordinal) ? null : $"body does not contain {Quote(assertion.Value!)}",
                SyntheticAssertionKind.BodyNotContains => facts.Body.Contains(assertion.Value!, StringComparison.Ordinal) ? $"body contains {Quote(assertion.Value!)}" : null,
                SyntheticAssertionKind.JsonPathEquals or SyntheticAssertionKind.JsonPathExists => CheckJson(assertion, json),
                SyntheticAssertionKind.HeaderEquals => CheckHeader(assertion, facts),
                SyntheticAssertionKind.TlsValidDaysAtLeast => CheckCertificate(assertion, facts),
                SyntheticAssertionKind.DomainDaysAtLeast => await CheckDomainAsync(assertion, facts, cancellationToken).ConfigureAwait(false),
                _ => $"invalid assertion: unknown type {(int)assertion.Kind}",
            };
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        return failures;
    }

    /// <summary>"status 500 not in 200-299" when <paramref name="statusCode"/> is not accepted; otherwise null.</summary>
    public static string? StatusFailure(int statusCode, StatusCodeRanges accepted)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        return accepted.Contains(statusCode) ? null : string.Create(CultureInfo.InvariantCulture, $"status {statusCode} not in {accepted}");
    }

    private static string? CheckStatus(SyntheticAssertion assertion, ResponseFacts facts)
    {
        AssertionRules.TryParseStatusCodes(assertion.Value, out var accepted, out _);
        return StatusFailure(facts.StatusCode, accepted);
    }

    private static string? CheckResponseTime(SyntheticAssertion assertion, ResponseFacts facts)
    {
        AssertionRules.TryParseWhole(assertion.Value, 1, AssertionRules.MaxResponseTimeMs, out var limit);
        return facts.LatencyMs <= limit ? null : string.Create(CultureInfo.InvariantCulture, $"response {facts.LatencyMs} ms over {limit} ms");
    }

    private static string? CheckJson(SyntheticAssertion assertion, JsonDocument? document)
    {
        if (document is null)
        {
            return "body is not JSON";
        }

        JsonPath.TryParse(assertion.Target, out var path, out _);
        if (path is null || !path.TryFind(document.RootElement, out var value))
        {
            return $"{path?.Text ?? assertion.Target} missing";
        }

        if (assertion.Kind == SyntheticAssertionKind.JsonPathExists)
        {
            return null;
        }

        var actual = JsonPath.ValueText(value);
        var expected = assertion.Value!;
        return actual == expected || SameNumber(value, expected) ? null : $"{path.Text} is {Quote(actual)}, expected {Quote(expected)}";
    }

    private static string? CheckHeader(SyntheticAssertion assertion, ResponseFacts facts)
    {
        var name = assertion.Target!.Trim();
        var expected = assertion.Value!.Trim();
        if (!facts.Headers.TryGetValue(name, out var actual))
        {
            var match = facts.Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase));
            if (match.Key is null)
            {
                return $"header {name} missing";
            }

            actual = match.Value;
        }

        actual = actual.Trim();
        return actual == expected ? null : $"header {name} is {Quote(actual)}, expected {Quote(expected)}";
    }

    private static string? CheckCertificate(SyntheticAssertion assertion, ResponseFacts facts)
    {
        AssertionRules.TryParseWhole(assertion.Value, 0, AssertionRules.MaxDays, out var needed);
        return facts.Certificate switch
        {
            null => "no TLS certificate (not https)",
            { IsValid: false } => "TLS certificate invalid",
            { DaysRemaining: var left } when left < needed => string.Create(CultureInfo.InvariantCulture, $"TLS certificate has {Days(left)} left, needs {needed}"),
            _ => null,
        };
    }

    private async Task<string?> CheckDomainAsync(SyntheticAssertion assertion, ResponseFacts facts, CancellationToken cancellationToken)
    {
        AssertionRules.TryParseWhole(assertion.Value, 0, AssertionRules.MaxDays, out var needed);
        if (rdap is null)
        {
            return "domain expiry unknown: no RDAP client is configured";
        }

        var expiry = await rdap.GetExpiryAsync(facts.Host, cancellationToken).ConfigureAwait(false);
        return expiry switch
        {
            { DaysLeft: null } => $"domain expiry unknown: {expiry.Error ?? "no expiration date"}",
            { DaysLeft: < 0 and var ago } => string.Create(CultureInfo.InvariantCulture, $"domain {expiry.Domain} expired {Days(-ago)} ago, needs {needed}"),
            { DaysLeft: var left } when left < needed => string.Create(CultureInfo.InvariantCulture, $"domain {expiry.Domain} expires in {Days(left.Value)}, needs {needed}"),
            _ => null,
        };
    }

    private static JsonDocument? TryParseJson(string body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool SameNumber(JsonElement value, string expected) =>
        value.ValueKind == JsonValueKind.Number
        && decimal.TryParse(value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var actual)
        && decimal.TryParse(expected.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var wanted)
        && actual == wanted;

    private static string Days(int days) => days == 1 ? "1 day" : string.Create(CultureInfo.InvariantCulture, $"{days} days");

    private static string Quote(string text) => $"\"{text}\"";
}
