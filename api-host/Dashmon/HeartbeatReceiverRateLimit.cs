using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using OrleansMonitor.ApiHost.Hosting;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>
/// Rate limit of <c>POST /api/incoming/heartbeat/:token</c>: a fixed window per token (unknown tokens too), so a flood
/// at one push device never reaches the silo's shared heartbeat writer. Over the limit: 429 with Retry-After and the
/// error envelope. Counted in this API host's memory.
/// </summary>
public static class HeartbeatReceiverRateLimit
{
    public const string PolicyName = "heartbeat-receiver";

    public static WebApplicationBuilder AddHeartbeatReceiverRateLimit(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HeartbeatReceiverOptions>(HeartbeatReceiverOptions.Section);
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(PolicyName, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<HeartbeatReceiverOptions>>().Value;
                var token = http.Request.RouteValues["token"] as string ?? "";
                return RateLimitPartition.GetFixedWindowLimiter(token, _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerToken,
                    Window = options.Window,
                    QueueLimit = 0,
                });
            });
            limiter.OnRejected = (context, _) =>
            {
                var http = context.HttpContext;
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
                    ? retryAfter
                    : http.RequestServices.GetRequiredService<IOptions<HeartbeatReceiverOptions>>().Value.Window;
                return new ValueTask(ApiProblem.TooManyRequests(http.Response, wait, "too_many_requests", "Too many heartbeats for this token").ExecuteAsync(http));
            };
        });
        return builder;
    }
}
