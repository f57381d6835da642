using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Grains.Probes.Synthetic;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Checks an http(s) URL once. All instances share ONE <see cref="SocketsHttpHandler"/> for the process, so a monitor
/// costs no handler or connection pool of its own. Every probe opens a new connection (Connection: close, no idle pooling),
/// follows up to <see cref="MaxRedirects"/> redirects, reads at most <see cref="MaxBodyBytes"/> of the body and discards it.
/// Target failures (refused, DNS, TLS, timeout) come back as a down result; only the caller's own cancellation throws.
/// </summary>
/// <remarks>
/// <para>
/// Wall-clock dates (certificate CheckedAt, expiry) come from the injected <see cref="TimeProvider"/>; the timeout and the
/// latency are measured on the real monotonic clock because the network runs in real time.
/// The TLS callback of the shared handler receives the <see cref="SslStream"/> as sender, not the request, so the probe that
/// starts a connection hands it a <see cref="CertificateCapture"/> through an <see cref="AsyncLocal{T}"/>.
/// </para>
/// <para>
/// With synthetic assertions (<see cref="ProbeRequest.Assertions"/>) the body is read as text up to
/// <see cref="AssertionEvaluator.MaxBodyBytes"/> instead, and a body that breaks off or stalls fails the probe. Every
/// assertion is checked; any failure makes the probe down with "Assertions failed: a; b", the status staying the HTTP code.
/// A StatusCodeIn assertion then replaces <see cref="ProbeRequest.ValidStatusCodes"/>. Domain expiry assertions need the
/// optional <see cref="RdapClient"/> (DI passes it when one is registered); without it they fail as unknown.
/// </para>
/// <para>
/// Egress: the shared handler connects through <see cref="ConnectAsync"/>, which resolves the host with the probe's
/// <see cref="ProbeAddressResolver"/>, drops the addresses the <see cref="EgressPolicy"/> refuses and connects only to an
/// allowed one. It judges the address actually connected to, on the first request and on every redirect hop alike, so
/// neither a redirect nor a name whose answer changes (DNS rebinding) reaches a refused address. The probe's policy and
/// resolver travel with the request message (<see cref="HttpRequestMessage.Options"/>), which the handler reuses for
/// every hop. A refusal is a DOWN result saying why. No proxy from the environment (HTTP_PROXY, HTTPS_PROXY) is used:
/// the policy could not judge the address behind it.
/// </para>
/// </remarks>
public sealed class HttpProbe(TimeProvider timeProvider, RdapClient? rdap = null, EgressPolicy? egress = null, ProbeAddressResolver? resolver = null) : IProbe
{
    public const int MaxRedirects = 10;
    public const int MaxBodyBytes = 64 * 1024;
    public const string UserAgent = "OrleansMonitor/1.0";

    private static readonly AsyncLocal<CertificateCapture?> CurrentCapture = new();
    private static readonly HttpRequestOptionsKey<ConnectRules> RulesKey = new("OrleansMonitor.Probes.Egress");
    private static readonly ConnectRules DefaultRules = new(EgressPolicy.Default, ProbeAddressResolver.System);
    private static readonly HttpClient Client = new(CreateHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };

    private readonly AssertionEvaluator _assertions = new(rdap);
    private readonly ConnectRules _rules = new(egress ?? EgressPolicy.Default, resolver ?? ProbeAddressResolver.System);

    public MonitorType Type => MonitorType.Http;

    public async Task<ProbeResult> RunAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!TryCreateMessage(request, out var message, out var invalid))
        {
            return new ProbeResult(false, "DOWN", 0, invalid);
        }

        using var _ = message;
        message.Options.Set(RulesKey, _rules);
        var requested = message.RequestUri!;
        var host = requested.IdnHost;
        var capture = new CertificateCapture(timeProvider);
        CurrentCapture.Value = capture;
        using var timeout = ProbeTimeout.Start(request.Timeout, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await Client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var latency = ElapsedMs(started);
            if (request.Assertions.Count > 0)
            {
                var body = await ReadTextAsync(response, timeout.Token).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                return await EvaluateAssertionsAsync(request, host, response, latency, body, capture, cancellationToken).ConfigureAwait(false);
            }

            await DrainAsync(response, timeout.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return Evaluate(request, response, latency, capture);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, "TIMEOUT", ElapsedMs(started), $"Request timed out after {ProbeTimeout.Seconds(request.Timeout)} s", capture.Certificate);
        }
        catch (HttpRequestException exception)
        {
            return new ProbeResult(false, "DOWN", ElapsedMs(started), Describe(exception, requested, message.RequestUri, capture), capture.Certificate);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or NotSupportedException)
        {
            return new ProbeResult(false, "DOWN", ElapsedMs(started), exception.Message, capture.Certificate);
        }
        finally
        {
            CurrentCapture.Value = null;
        }
    }

    private static ProbeResult Evaluate(ProbeRequest request, HttpResponseMessage response, int latency, CertificateCapture capture)
    {
        var code = (int)response.StatusCode;
        var status = code.ToString(CultureInfo.InvariantCulture);
        var certificate = capture.Certificate;
        if (certificate is { IsValid: false })
        {
            return InvalidCertificate(status, latency, capture);
        }

        return new ProbeResult(request.ValidStatusCodes.Contains(code), status, latency, StatusLine(response, status), certificate);
    }

    private async Task<ProbeResult> EvaluateAssertionsAsync(
        ProbeRequest request, string host, HttpResponseMessage response, int latency, string body, CertificateCapture capture, CancellationToken cancellationToken)
    {
        var code = (int)response.StatusCode;
        var status = code.ToString(CultureInfo.InvariantCulture);
        var certificate = capture.Certificate;
        if (certificate is { IsValid: false })
        {
            return InvalidCertificate(status, latency, capture);
        }

        var failures = new List<string>();
        if (!request.Assertions.Any(a => a?.Kind == SyntheticAssertionKind.StatusCodeIn)
            && AssertionEvaluator.StatusFailure(code, request.ValidStatusCodes) is { } statusFailure)
        {
            failures.Add(statusFailure);
        }

        var facts = new ResponseFacts(host, code, latency, ReadHeaders(response), body, certificate);
        failures.AddRange(await _assertions.EvaluateAsync(request.Assertions, facts, cancellationToken).ConfigureAwait(false));
        return failures.Count == 0
            ? new ProbeResult(true, status, latency, StatusLine(response, status), certificate)
            : new ProbeResult(false, status, latency, "Assertions failed: " + string.Join("; ", failures), certificate);
    }

    private static ProbeResult InvalidCertificate(string status, int latency, CertificateCapture capture)
    {
        var reason = capture.Errors != SslPolicyErrors.None ? capture.Errors.ToString() : "certificate expired or not yet valid";
        return new ProbeResult(false, status, latency, $"TLS certificate invalid: {reason}", capture.Certificate);
    }

    private static string StatusLine(HttpResponseMessage response, string status) =>
        string.IsNullOrEmpty(response.ReasonPhrase) ? status : $"{status} - {response.ReasonPhrase}";

    /// <summary>Response and content headers by name (case-insensitive), several values joined with ", ".</summary>
    private static Dictionary<string, string> ReadHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated.Concat(response.Content.Headers.NonValidated))
        {
            var text = string.Join(", ", values);
            headers[name] = headers.TryGetValue(name, out var earlier) ? $"{earlier}, {text}" : text;
        }

        return headers;
    }

    private static string Describe(HttpRequestException exception, Uri requested, Uri? uri, CertificateCapture capture)
    {
        if (FindInner<EgressRefusedException>(exception) is { } refused)
        {
            // The handler moves the request to each redirect's Location before it connects there.
            return uri is not null && uri != requested
                ? $"Redirect to {uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped)} not followed: {refused.Message}"
                : refused.Message;
        }

        if (capture.Certificate is { IsValid: false })
        {
            return $"TLS certificate invalid: {capture.Errors}";
        }

        var socketError = FindInner<SocketException>(exception)?.SocketErrorCode;
        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"DNS lookup failed for {uri?.IdnHost}",
            _ when socketError is { } error => SocketErrorText.Describe(error),
            HttpRequestError.SecureConnectionError => $"TLS handshake failed: {(exception.InnerException ?? exception).Message}",
            _ => exception.Message,
        };
    }

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

    private static async Task DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var total = 0;
                while (total < MaxBodyBytes)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(0, Math.Min(buffer.Length, MaxBodyBytes - total)), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status line already decided the result; a broken or slow body does not change it.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The body as text in its declared charset (UTF-8 when none or unknown), at most <see cref="AssertionEvaluator.MaxBodyBytes"/>
    /// bytes of it. Unlike <see cref="DrainAsync"/> a broken or slow body is a failure here, because the assertions need it.
    /// </summary>
    private static async Task<string> ReadTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(AssertionEvaluator.MaxBodyBytes);
        try
        {
            var total = 0;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (total < AssertionEvaluator.MaxBodyBytes)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(total, AssertionEvaluator.MaxBodyBytes - total), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                }
            }

            return BodyEncoding(response).GetString(buffer, 0, total);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Encoding BodyEncoding(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.CharSet is { Length: > 0 } charset)
        {
            try
            {
                return Encoding.GetEncoding(charset.Trim('"', ' '));
            }
            catch (ArgumentException)
            {
                // An unknown charset: read it as UTF-8, the common case.
            }
        }

        return Encoding.UTF8;
    }

    private static bool TryCreateMessage(ProbeRequest request, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HttpRequestMessage? message, out string error)
    {
        message = null;
        if (!Uri.TryCreate(request.Target?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            error = $"Invalid URL '{request.Target}': an absolute http or https URL is required";
            return false;
        }

        HttpMethod method;
        try
        {
            method = string.IsNullOrWhiteSpace(request.Method) ? HttpMethod.Get : HttpMethod.Parse(request.Method.Trim().ToUpperInvariant());
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            error = $"Invalid HTTP method '{request.Method}'";
            return false;
        }

        message = new HttpRequestMessage(method, uri);
        message.Headers.ConnectionClose = true;
        var contentHeaders = new List<KeyValuePair<string, string>>();
        foreach (var header in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value))
            {
                contentHeaders.Add(header);
            }
        }

        if (!message.Headers.Contains("User-Agent"))
        {
            message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        }

        if (request.Body is { Length: > 0 } body && method != HttpMethod.Get && method != HttpMethod.Head)
        {
            var content = new StringContent(body, Encoding.UTF8, IsJson(body) ? "application/json" : "text/plain");
            foreach (var (name, value) in contentHeaders)
            {
                content.Headers.Remove(name);
                content.Headers.TryAddWithoutValidation(name, value);
            }

            message.Content = content;
        }

        error = string.Empty;
        return true;
    }

    private static bool IsJson(string body)
    {
        try
        {
            using var _ = JsonDocument.Parse(body);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static int ElapsedMs(long started) =>
        (int)Math.Min(int.MaxValue, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));

    private static SocketsHttpHandler CreateHandler() => new()
    {
        AllowAutoRedirect = true,
        MaxAutomaticRedirections = MaxRedirects,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionIdleTimeout = TimeSpan.Zero,
        PooledConnectionLifetime = TimeSpan.Zero,
        SslOptions = new SslClientAuthenticationOptions { RemoteCertificateValidationCallback = ValidateCertificate },
        ConnectCallback = ConnectAsync,

        // A probe goes where its monitor says, judged by the egress policy on the address it connects to: never
        // through a proxy from the environment, which the policy could not see past.
        UseProxy = false,
    };

    /// <summary>
    /// Opens every connection of the shared handler, first request and redirect hops alike, through <see cref="EgressConnector"/>
    /// with the policy and resolver of the probe that sent the request.
    /// </summary>
    private static ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var rules = context.InitialRequestMessage.Options.TryGetValue(RulesKey, out var found) ? found : DefaultRules;
        return EgressConnector.ConnectAsync(context.DnsEndPoint, rules.Policy, rules.Resolver, cancellationToken);
    }

    private static bool ValidateCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return false;
        }

        if (CurrentCapture.Value is { } capture)
        {
            if (certificate is X509Certificate2 certificate2)
            {
                capture.Capture(certificate2, errors);
            }
            else
            {
                using var loaded = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                capture.Capture(loaded, errors);
            }
        }

        return errors == SslPolicyErrors.None;
    }

    /// <summary>What the connect callback judges and resolves with, for the probe that sent the request.</summary>
    private sealed record ConnectRules(EgressPolicy Policy, ProbeAddressResolver Resolver);
}
