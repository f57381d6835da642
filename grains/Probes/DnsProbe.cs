using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Asks one DNS question (<see cref="DnsCheck.RecordType"/> of <see cref="DnsCheck.Name"/>) of the check's resolver, or when it
/// names none of the probes' resolver (<see cref="ProbeResolverOptions.Resolver"/>) or else the system resolvers, without any cache,
/// and compares the answers of that type with the expected values.
/// Up when the server answers NOERROR with at least one record of the type and, if values are expected, any (or all, with
/// <see cref="DnsCheck.MatchAll"/>) of them appear among the answers. Never throws for target failures.
/// </summary>
/// <remarks>
/// Answers as text: A/AAAA the address; CNAME/NS the target name; MX "preference exchange" (the exchange alone also matches);
/// TXT the strings of a record joined; SOA "mname rname serial"; CAA "flags tag value". Names lose their trailing dot.
/// The request timeout bounds the whole probe, so DnsClient's retry only helps with failures faster than the timeout.
/// DnsClient sends from an unconnected UDP socket, so a resolver port nobody listens on is seen as a timeout, not a refusal.
/// A resolver the check names is judged by the <see cref="EgressPolicy"/> first: when refused, the probe is down saying why
/// and sends nothing. The operator's resolver and the system resolvers are not judged.
/// </remarks>
public sealed class DnsProbe(EgressPolicy? egress = null, ProbeAddressResolver? resolver = null) : IProbe
{
    public const string Down = "DOWN";
    public const string TimedOut = "TIMEOUT";
    public const int Retries = 1;
    public const int MaxMessageLength = 500;

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestTimeout = TimeSpan.FromDays(1);

    private readonly EgressPolicy _egress = egress ?? EgressPolicy.Default;
    private readonly ProbeAddressResolver _resolver = resolver ?? ProbeAddressResolver.System;

    public MonitorType Type => MonitorType.Dns;

    public async Task<ProbeResult> RunAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Dns is null)
        {
            return new ProbeResult(false, Down, 0, "DNS settings are missing: a record type and a name are required");
        }

        if (!DnsCheckRules.TryNormalize(request.Dns, out var check, out var errors))
        {
            return new ProbeResult(false, Down, 0, "Invalid DNS settings: " + string.Join("; ", errors.Values));
        }

        DnsRecordTypes.TryParse(check.RecordType, out var queryType);
        var named = DnsCheckRules.TryParseResolver(check.Resolver, out var namedServer) ? namedServer : null;
        if (named is not null && _egress.Refusal(named.Address) is { } refusal)
        {
            return new ProbeResult(false, Down, 0, refusal);
        }

        var server = named ?? _resolver.Server;
        var serverText = named is not null ? check.Resolver : server?.ToString();
        var limit = request.Timeout > TimeSpan.Zero ? (request.Timeout < LongestTimeout ? request.Timeout : LongestTimeout) : DefaultTimeout;
        using var timeout = ProbeTimeout.Start(limit, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var client = new LookupClient(CreateOptions(server, limit));
            var response = await client.QueryAsync(check.Name, queryType, QueryClass.IN, timeout.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return Evaluate(check, queryType, response, ElapsedMs(started));
        }
        catch (DnsResponseException exception) when (cancellationToken.IsCancellationRequested)
        {
            // DnsClient reports any cancellation, the caller's too, as a ConnectionTimeout error.
            throw new OperationCanceledException("The DNS probe was cancelled.", exception, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return TimeoutResult(started, limit);
        }
        catch (DnsResponseException exception) when (FindInner<SocketException>(exception) is { SocketErrorCode: not SocketError.TimedOut } socket)
        {
            return new ProbeResult(false, Down, ElapsedMs(started), $"{SocketErrorText.Describe(socket.SocketErrorCode)} ({Describe(serverText)})");
        }
        catch (DnsResponseException exception) when (exception.Code == DnsResponseCode.ConnectionTimeout || exception.InnerException is TimeoutException)
        {
            return TimeoutResult(started, limit);
        }
        catch (DnsResponseException exception)
        {
            return new ProbeResult(false, StatusName(exception.Code), ElapsedMs(started), exception.Message);
        }
        catch (SocketException exception)
        {
            return new ProbeResult(false, Down, ElapsedMs(started), $"{SocketErrorText.Describe(exception.SocketErrorCode)} ({Describe(serverText)})");
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or FormatException or IOException)
        {
            return new ProbeResult(false, Down, ElapsedMs(started), exception.Message);
        }
    }

    private static LookupClientOptions CreateOptions(IPEndPoint? server, TimeSpan timeout)
    {
        var options = server is not null
            ? new LookupClientOptions(new NameServer(server))
            : new LookupClientOptions();
        options.UseCache = false;
        options.Timeout = timeout;
        options.Retries = Retries;
        options.ThrowDnsErrors = false;
        return options;
    }

    private static ProbeResult Evaluate(DnsCheck check, QueryType queryType, IDnsQueryResponse response, int latency)
    {
        var status = StatusName((DnsResponseCode)(int)response.Header.ResponseCode);
        if (response.Header.ResponseCode != DnsHeaderResponseCode.NoError)
        {
            return new ProbeResult(false, status, latency, $"{status} for {check.Name}");
        }

        var answers = response.Answers
            .Where(record => (int)record.RecordType == (int)queryType)
            .Select(AnswerText)
            .OfType<(string Text, string? Alternative)>()
            .Select(answer => (answer.Text, Keys: Keys(answer.Text, answer.Alternative, queryType)))
            .ToList();
        if (answers.Count == 0)
        {
            return new ProbeResult(false, status, latency, $"no {check.RecordType} records for {check.Name}");
        }

        var shown = string.Join(", ", answers.Select(answer => answer.Text));
        var missing = check.Expected
            .Where(expected => !answers.Any(answer => answer.Keys.Contains(Normalize(expected, queryType), StringComparer.OrdinalIgnoreCase)))
            .ToList();
        var isUp = check.Expected.Count == 0 || (check.MatchAll ? missing.Count == 0 : missing.Count < check.Expected.Count);
        var message = isUp
            ? $"{check.RecordType} {check.Name}: {shown}"
            : $"expected {string.Join(", ", missing)} not in answers [{shown}]";
        return new ProbeResult(isUp, status, latency, Truncate(message));
    }

    /// <summary>One answer as text, plus the shorter form it also matches (the MX exchange alone); null for other record types.</summary>
    private static (string Text, string? Alternative)? AnswerText(DnsResourceRecord record) => record switch
    {
        ARecord a => (a.Address.ToString(), null),
        AaaaRecord aaaa => (aaaa.Address.ToString(), null),
        CNameRecord cname => (Bare(cname.CanonicalName), null),
        NsRecord ns => (Bare(ns.NSDName), null),
        MxRecord mx => ($"{mx.Preference.ToString(CultureInfo.InvariantCulture)} {Bare(mx.Exchange)}", Bare(mx.Exchange)),
        TxtRecord txt => (string.Concat(txt.Text), null),
        SoaRecord soa => ($"{Bare(soa.MName)} {Bare(soa.RName)} {soa.Serial.ToString(CultureInfo.InvariantCulture)}", null),
        CaaRecord caa => ($"{caa.Flags.ToString(CultureInfo.InvariantCulture)} {caa.Tag} {caa.Value}", null),
        _ => null,
    };

    private static string[] Keys(string text, string? alternative, QueryType queryType) =>
        alternative is null ? [Normalize(text, queryType)] : [Normalize(text, queryType), Normalize(alternative, queryType)];

    /// <summary>
    /// The comparable form of an answer or expected value: addresses in canonical form ("2001:db8::1"); otherwise trailing dots go,
    /// and for structured records ("10 mail.example.") each word loses its own, runs of spaces become one and CAA quotes go.
    /// </summary>
    private static string Normalize(string value, QueryType queryType)
    {
        var trimmed = value.Trim();
        if (queryType is QueryType.A or QueryType.AAAA && IPAddress.TryParse(trimmed, out var address))
        {
            return address.ToString();
        }

        if (queryType == QueryType.TXT)
        {
            return trimmed.EndsWith('.') ? trimmed[..^1] : trimmed;
        }

        var words = trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => queryType == QueryType.CAA ? word.Trim('"') : word)
            .Select(word => word.EndsWith('.') ? word[..^1] : word);
        return string.Join(' ', words);
    }

    private static string Bare(DnsString name) => name.Value.TrimEnd('.');

    /// <summary>"NOERROR", "NXDOMAIN", "SERVFAIL": the usual upper-case mnemonic of a response code.</summary>
    internal static string StatusName(DnsResponseCode code) => code switch
    {
        DnsResponseCode.NoError => "NOERROR",
        DnsResponseCode.FormatError => "FORMERR",
        DnsResponseCode.ServerFailure => "SERVFAIL",
        DnsResponseCode.NotExistentDomain => "NXDOMAIN",
        DnsResponseCode.NotImplemented => "NOTIMP",
        DnsResponseCode.Refused => "REFUSED",
        DnsResponseCode.ExistingDomain => "YXDOMAIN",
        DnsResponseCode.ExistingResourceRecordSet => "YXRRSET",
        DnsResponseCode.MissingResourceRecordSet => "NXRRSET",
        DnsResponseCode.NotAuthorized => "NOTAUTH",
        DnsResponseCode.NotZone => "NOTZONE",
        DnsResponseCode.ConnectionTimeout => TimedOut,
        DnsResponseCode.Unassigned => Down,
        _ => code.ToString().ToUpperInvariant(),
    };

    private static ProbeResult TimeoutResult(long started, TimeSpan limit) =>
        new(false, TimedOut, ElapsedMs(started), $"DNS query timed out after {ProbeTimeout.Seconds(limit)} s");

    private static string Describe(string? resolver) => resolver is null ? "system resolver" : $"resolver {resolver}";

    private static string Truncate(string message) =>
        message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength - 1), "…");

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    private static int ElapsedMs(long started) =>
        (int)Math.Min(int.MaxValue, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
