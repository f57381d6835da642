using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;
using OrleansMonitor.Grains.Probes;
using OrleansMonitor.Grains.Probes.Egress;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// The one HTTP client of every HTTP alert channel, and the one place their answers become a <see cref="ChannelResult"/>.
/// Webhook URLs come from users, so it connects only where the <see cref="EgressPolicy"/> allows (through
/// <see cref="EgressConnector"/>, judging the address actually connected to), never through a proxy and never following a
/// redirect. 2xx is sent; 408, 429, 5xx, a timeout or a failed connection is a retryable failure; any other answer, an
/// invalid URL and an egress refusal are not. Each attempt is bounded by <see cref="ChannelOptions.Timeout"/> and the
/// caller's token; only the caller's own cancellation throws.
/// </summary>
public sealed class ChannelHttpClient : IDisposable
{
    public const string UserAgent = "OrleansMonitor/1.0";
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>How much of a failed answer's body goes into the error text.</summary>
    private const int ErrorBodyBytes = 512;

    private readonly HttpClient _client;
    private readonly TimeSpan _timeout;
    private readonly string _timeoutText;

    public ChannelHttpClient(EgressPolicy egress, IOptions<ChannelOptions> options)
    {
        ArgumentNullException.ThrowIfNull(egress);
        ArgumentNullException.ThrowIfNull(options);
        _timeout = options.Value.Timeout;
        _timeoutText = options.Value.TimeoutText();
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            ConnectCallback = (context, cancellationToken) =>
                EgressConnector.ConnectAsync(context.DnsEndPoint, egress, ProbeAddressResolver.System, cancellationToken),
        };
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The longest one attempt may take.</summary>
    public TimeSpan Timeout => _timeout;

    /// <summary>
    /// POSTs <paramref name="content"/> to <paramref name="url"/> with the <c>Idempotency-Key</c> header, and any further
    /// headers <paramref name="configure"/> sets, and maps the answer. An invalid URL fails without sending.
    /// </summary>
    public async Task<ChannelResult> PostAsync(
        string url, HttpContent content, string idempotencyKey, CancellationToken cancellationToken, Action<HttpRequestHeaders>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        using var _ = content;
        if (!TryParseUrl(url, out var uri))
        {
            return ChannelResult.Failed(null, "Invalid URL: an absolute http or https URL is required", false, 0);
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content };
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        message.Headers.TryAddWithoutValidation(IdempotencyHeader, idempotencyKey);
        configure?.Invoke(message.Headers);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            if (code is >= 200 and < 300)
            {
                return ChannelResult.Sent(code, ElapsedMs(started));
            }

            var error = code is >= 300 and < 400
                ? $"Redirect not followed: {code} to {response.Headers.Location?.ToString() ?? "no location"}"
                : await FailureTextAsync(response, code, timeout.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return ChannelResult.Failed(code, Clean(error), code is 408 or 429 or >= 500, ElapsedMs(started));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failed(null, _timeoutText, true, ElapsedMs(started));
        }
        catch (HttpRequestException exception)
        {
            return Unreached(exception, uri, ElapsedMs(started));
        }
        catch (IOException exception)
        {
            return ChannelResult.Failed(null, Clean(exception.Message), true, ElapsedMs(started));
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Whether <paramref name="url"/> is an absolute http or https URL.</summary>
    public static bool TryParseUrl(string? url, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? uri) =>
        Uri.TryCreate(url?.Trim(), UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>Milliseconds since <paramref name="started"/> (a <see cref="Stopwatch"/> timestamp).</summary>
    public static int ElapsedMs(long started) =>
        (int)Math.Min(int.MaxValue, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));

    private static ChannelResult Unreached(HttpRequestException exception, Uri uri, int latency)
    {
        if (FindInner<EgressRefusedException>(exception) is { } refused)
        {
            return ChannelResult.Failed(null, Clean(refused.Message), false, latency);
        }

        var socketError = FindInner<SocketException>(exception)?.SocketErrorCode;
        var text = exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => $"DNS lookup failed for {uri.IdnHost}",
            _ when socketError is { } error => SocketErrorText.Describe(error),
            _ => exception.Message,
        };
        return ChannelResult.Failed(null, Clean(text), true, latency);
    }

    /// <summary>"HTTP 400 Bad Request: {start of the body}"; the status alone when the body cannot be read in time.</summary>
    private static async Task<string> FailureTextAsync(HttpResponseMessage response, int code, CancellationToken cancellationToken)
    {
        var status = string.IsNullOrEmpty(response.ReasonPhrase) ? $"HTTP {code}" : $"HTTP {code} {response.ReasonPhrase}";
        try
        {
            var buffer = new byte[ErrorBodyBytes];
            var total = 0;
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                while (total < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    total += read;
                }
            }

            var body = Encoding.UTF8.GetString(buffer, 0, total).Trim();
            return body.Length == 0 ? status : $"{status}: {body}";
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException or OperationCanceledException)
        {
            return status;
        }
    }

    private static string Clean(string text) => StoredText.Clean(text, StoredText.MessageMaxLength);

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
}
