using Microsoft.Extensions.Logging.Console;
using OrleansMonitor.ApiHost.Account;
using OrleansMonitor.ApiHost.Alerting;
using OrleansMonitor.ApiHost.Dashmon;
using OrleansMonitor.ApiHost.Diagnostics;
using OrleansMonitor.ApiHost.Health;
using OrleansMonitor.ApiHost.Hosting;
using OrleansMonitor.ApiHost.Identity;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.ApiHost.Lunalytics;
using OrleansMonitor.ApiHost.Monoduty;
using OrleansMonitor.ApiHost.OpenApi;
using OrleansMonitor.ApiHost.Team;

var builder = WebApplication.CreateBuilder(args);

builder.AddMonitoringClusterClient();
// A flood of log lines must never stall request handling: the console logger drops writes when its queue is full.
builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
builder.AddTrustedProxies();
builder.AddHeartbeatReceiverRateLimit();
builder.AddMonoduty();
RedactingLoggerFactory.Register(builder.Services);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 1024 * 1024);
builder.Services.ConfigureHttpJsonOptions(json => ResponseJson.Configure(json.SerializerOptions));
builder.Services.AddMemoryCache();
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<PrincipalResolver>();
builder.Services.AddValidatedOptions<LoginThrottleOptions>(LoginThrottleOptions.Section);
builder.Services.AddSingleton<LoginThrottle>();
builder.Services.AddValidatedOptions<RegistrationThrottleOptions>(RegistrationThrottleOptions.Section);
builder.Services.AddSingleton<RegistrationThrottle>();
builder.AddApiReference();

var app = builder.Build();

app.UseTrustedProxies();
app.UseMiddleware<RequestIdMiddleware>();
app.UseMiddleware<UnhandledErrorMiddleware>();
app.UseStatusCodePages(async status =>
{
    var http = status.HttpContext;
    if (http.Request.Path.StartsWithSegments("/api") && http.Response.ContentLength is null && !http.Response.HasStarted)
    {
        var (code, message) = http.Response.StatusCode switch
        {
            404 => ("route_not_found", "No such route"),
            405 => ("method_not_allowed", "Method not allowed on this route"),
            415 => ("unsupported_media_type", "Unsupported media type"),
            _ => ("http_" + http.Response.StatusCode, "Request failed"),
        };
        await ApiProblem.Of(http.Response.StatusCode, code, message).ExecuteAsync(http);
    }
});
app.UseRateLimiter();

app.MapHealthApi();
app.MapAuthApi();
app.MapApiTokensApi();
app.MapLunalyticsMonitorApi();
app.MapMetaApi();
app.MapProjectsApi();
app.MapDevicesApi();
app.MapTagsApi();
app.MapMaintenanceApi();
app.MapAlertSettingsApi();
app.MapAlertRulesApi();
app.MapIncidentAcknowledgementApi();
app.MapIncidentDeliveriesApi();
app.MapAcknowledgeLinkApi();
app.MapHeartbeatReceiverApi();
app.MapAnalyticsApi();
app.MapStatusPagesApi();
app.MapPublicStatusPageApi();
app.MapTeamApi();
app.MapAccountApi();
app.MapMonodutyApi();
app.MapApiReference();

app.Run();

/// <summary>The API host entry point; public for WebApplicationFactory in tests.</summary>
public partial class Program;
