using OrleansMonitor.ApiHost.Hosting;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>The Monoduty dialect: its options and rate limit, and its three route modules (webhooks, notifications, the inbound URL).</summary>
public static class MonodutyApi
{
    public static WebApplicationBuilder AddMonoduty(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddValidatedOptions<MonodutyOptions>(MonodutyOptions.Section);
        builder.Services.AddSingleton<InboundRateLimit>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMonodutyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapWebhooksApi();
        routes.MapNotificationsApi();
        routes.MapInboundWebhookApi();
        return routes;
    }
}
