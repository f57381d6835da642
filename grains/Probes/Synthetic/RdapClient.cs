using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Probes.Synthetic;

/// <summary>
/// Looks up when a domain's registration expires over RDAP (RFC 9083): GET <c>{BaseUrl}/domain/{name}</c> and the
/// <c>eventDate</c> of the <c>events</c> entry whose <c>eventAction</c> is "expiration". Answers are cached per domain in
/// memory for <see cref="RdapOptions.CacheFor"/> (failures for at most <see cref="FailureCacheFor"/>), and concurrent
/// callers for one domain share one request. All instances share one <see cref="HttpClient"/>. Never throws for lookup
/// failures: they come back as <see cref="DomainExpiry.Error"/>.
/// </summary>
/// <remarks>
/// The domain is taken as the last two labels of the host ("www.example.com" → "example.com"). That is wrong for
/// registrations under multi-label public suffixes ("shop.example.co.uk" gives "co.uk", whose lookup fails or names the
/// registry): a public suffix list would be needed to do better.
/// </remarks>
public sealed class RdapClient(IOptions<RdapOptions> options, TimeProvider timeProvider)
{
    public const int MaxResponseBytes = 1024 * 1024;

    /// <summary>The longest a failed lookup is reused before the domain is asked for again.</summary>
    public static readonly TimeSpan FailureCacheFor = TimeSpan.FromMinutes(5);

    /// <summary>The deadline of one RDAP request, redirects included.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private static readonly HttpClient Client = new(
        new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.All,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        },
        disposeHandler: true)
    {
        Timeout = System.Threading.Timeout.InfiniteTimeSpan,
        DefaultRequestHeaders = { { "Accept", "application/rdap+json, application/json" }, { "User-Agent", HttpProbe.UserAgent } },
    };

    private readonly RdapOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, RdapCacheEntry> _cache = new(StringComparer.Ordinal);

    /// <summary>The registrable domain of <paramref name="host"/> as this client understands it (last two labels, lower case), or null for an IP address or a single label.</summary>
    public static string? RegistrableDomain(string? host)
    {
        var name = (host ?? string.Empty).Trim().TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0 || IPAddress.TryParse(name.Trim('[', ']'), out _))
        {
            return null;
        }

        var labels = name.Split('.');
        return labels.Length < 2 || labels[^1].Length == 0 || labels[^2].Length == 0 ? null : $"{labels[^2]}.{labels[^1]}";
    }

    /// <summary>The expiry of the registrable domain of <paramref name="host"/>, with <see cref="DomainExpiry.DaysLeft"/> counted from now.</summary>
    public async Task<DomainExpiry> GetExpiryAsync(string host, CancellationToken cancellationToken)
    {
        var domain = RegistrableDomain(host);
        if (domain is null)
        {
            return DomainExpiry.Unknown(host, $"{host} is not a registered domain name");
        }

        var now = timeProvider.GetUtcNow();
        var entry = _cache.AddOrUpdate(domain, name => Start(name, now), (name, existing) => IsFresh(existing, now) ? existing : Start(name, now));
        var found = await entry.Lookup.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return found.ExpiresAt is { } expires
            ? found with { DaysLeft = (int)Math.Floor((expires - now).TotalDays) }
            : found;
    }

    private RdapCacheEntry Start(string domain, DateTimeOffset now) =>
        new(new Lazy<Task<DomainExpiry>>(() => FetchAsync(domain), LazyThreadSafetyMode.ExecutionAndPublication), now);

    private bool IsFresh(RdapCacheEntry entry, DateTimeOffset now)
    {
        if (!entry.Lookup.IsValueCreated || !entry.Lookup.Value.IsCompleted)
        {
            return true;
        }

        if (!entry.Lookup.Value.IsCompletedSuccessfully)
        {
            return false;
        }

        var keep = entry.Lookup.Value.Result.ExpiresAt is null && FailureCacheFor < _options.CacheFor ? FailureCacheFor : _options.CacheFor;
        return now - entry.StartedAt < keep;
    }

    private async Task<DomainExpiry> FetchAsync(string domain)
    {
        var baseUrl = (_options.BaseUrl ?? string.Empty).Trim().TrimEnd('/');
        if (!Uri.TryCreate($"{baseUrl}/domain/{Uri.EscapeDataString(domain)}", UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return DomainExpiry.Unknown(domain, $"RDAP lookup failed (base URL '{_options.BaseUrl}' is not an http or https URL)");
        }

        using var timeout = new CancellationTokenSource(RequestTimeout);
        try
        {
            using var response = await Client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var code = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                return DomainExpiry.Unknown(domain, string.IsNullOrEmpty(response.ReasonPhrase) ? $"RDAP lookup failed (HTTP {code})" : $"RDAP lookup failed (HTTP {code} {response.ReasonPhrase})");
            }

            var body = await ReadAsync(response, timeout.Token).ConfigureAwait(false);
            return ReadExpiry(domain, body);
        }
        catch (OperationCanceledException)
        {
            return DomainExpiry.Unknown(domain, $"RDAP lookup failed (no answer within {ProbeTimeout.Seconds(RequestTimeout)} s)");
        }
        catch (HttpRequestException exception)
        {
            var reason = exception.HttpRequestError == HttpRequestError.NameResolutionError
                ? $"DNS lookup failed for {url.IdnHost}"
                : Find<SocketException>(exception) is { } socket ? SocketErrorText.Describe(socket.SocketErrorCode) : exception.Message;
            return DomainExpiry.Unknown(domain, $"RDAP lookup failed ({reason})");
        }
        catch (IOException exception)
        {
            return DomainExpiry.Unknown(domain, $"RDAP lookup failed ({exception.Message})");
        }
    }

    private static DomainExpiry ReadExpiry(string domain, ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("events", out var events)
                && events.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in events.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Object
                        && item.TryGetProperty("eventAction", out var action)
                        && action.ValueKind == JsonValueKind.String
                        && string.Equals(action.GetString(), "expiration", StringComparison.OrdinalIgnoreCase)
                        && item.TryGetProperty("eventDate", out var date)
                        && date.ValueKind == JsonValueKind.String
                        && DateTimeOffset.TryParse(date.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var expires))
                    {
                        return new DomainExpiry(domain, expires, null, null);
                    }
                }
            }

            return DomainExpiry.Unknown(domain, $"RDAP lookup failed (no expiration event for {domain})");
        }
        catch (JsonException)
        {
            return DomainExpiry.Unknown(domain, "RDAP lookup failed (the answer is not JSON)");
        }
    }

    private static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var buffer = new ArrayBufferWriter<byte>();
            while (buffer.WrittenCount < MaxResponseBytes)
            {
                var read = await stream.ReadAsync(buffer.GetMemory(16 * 1024)[..Math.Min(16 * 1024, MaxResponseBytes - buffer.WrittenCount)], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                buffer.Advance(read);
            }

            return buffer.WrittenMemory;
        }
    }

    private static T? Find<T>(Exception exception)
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
