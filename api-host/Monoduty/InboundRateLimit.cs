using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// The rate limit of <c>POST /hooks/:token</c>: a fixed window per token (unknown tokens too), counted in this API
/// host's memory, so a flood at one inbound URL never reaches the silo. Idle windows are dropped by the limiter.
/// </summary>
public sealed class InboundRateLimit : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly TimeSpan _window;

    public InboundRateLimit(IOptions<MonodutyOptions> options)
    {
        var settings = options.Value;
        _window = settings.InboundWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(token => RateLimitPartition.GetFixedWindowLimiter(token, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.InboundPermitsPerToken,
            Window = settings.InboundWindow,
            QueueLimit = 0,
        }));
    }

    /// <summary>Takes a permit for <paramref name="token"/>: zero when taken, else how long to wait.</summary>
    public TimeSpan TryAcquire(string token)
    {
        using var lease = _limiter.AttemptAcquire(token);
        if (lease.IsAcquired)
        {
            return TimeSpan.Zero;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : _window;
    }

    public void Dispose() => _limiter.Dispose();
}
