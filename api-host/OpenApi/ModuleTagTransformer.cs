using System.Reflection;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansMonitor.ApiHost.Account;
using OrleansMonitor.ApiHost.Dashmon;
using OrleansMonitor.ApiHost.Health;
using OrleansMonitor.ApiHost.Identity;
using OrleansMonitor.ApiHost.Lunalytics;
using OrleansMonitor.ApiHost.Team;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// One tag per endpoint module (the static <c>Map…Api</c> class whose handler serves the route), in the order the
/// README presents them, with a short description. The routes' mapping lines stay as they are.
/// </summary>
public sealed class ModuleTagTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    private static readonly (Type Module, string Name, string Description)[] Modules =
    [
        (typeof(HealthApi), "Health", "Liveness and readiness."),
        (typeof(MetaApi), "Meta", "Capabilities and the caller."),
        (typeof(AuthApi), "Authentication", "Registration and sessions (the `access_token` cookie)."),
        (typeof(ApiTokensApi), "API tokens", "Labeled tokens for `Authorization: Bearer <token>` or `Authorization: <token>`; managed by session only."),
        (typeof(LunalyticsMonitorApi), "Lunalytics monitors", "The Lunalytics dialect: a monitor is a device of the workspace's default project."),
        (typeof(ProjectsApi), "Projects", "Dashmon projects, each listing its device summaries."),
        (typeof(DevicesApi), "Devices", "Dashmon devices: http, tcp, ping, dns and heartbeat, with their synthetic, DNS and heartbeat settings."),
        (typeof(HeartbeatReceiverApi), "Heartbeat receiver", "The public receiver of heartbeat (push) devices."),
        (typeof(TagsApi), "Tags", "Device tags."),
        (typeof(MaintenanceApi), "Maintenance", "Maintenance windows: probes keep running, failures open no incident."),
        (typeof(AnalyticsApi), "Analytics", "Uptime, exact latency percentiles, reports and incidents."),
        (typeof(TeamApi), "Workspaces", "Roles, project scope, invitations and the active workspace."),
        (typeof(AccountApi), "Account", "Preferences, sessions, token posture and the support summary."),
    ];

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var handler = context.Description.ActionDescriptor.EndpointMetadata.OfType<MethodInfo>().FirstOrDefault();
        var module = handler?.DeclaringType;
        while (module?.DeclaringType is { } outer)
        {
            module = outer; // a lambda's closure class is nested in its module
        }

        var name = Modules.FirstOrDefault(m => m.Module == module).Name ?? module?.Name ?? "Other";
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer has no document");
        operation.Tags = new HashSet<OpenApiTagReference> { new(name, document) };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var used = document.Paths.Values
            .SelectMany(path => path.Operations?.Values.AsEnumerable() ?? [])
            .SelectMany(operation => operation.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(tag => tag.Name)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var tags = Modules.Where(m => used.Contains(m.Name)).Select(m => new OpenApiTag { Name = m.Name, Description = m.Description }).ToList();
        tags.AddRange(used.Where(name => Modules.All(m => m.Name != name)).Order(StringComparer.Ordinal).Select(name => new OpenApiTag { Name = name }));
        document.Tags = new HashSet<OpenApiTag>(tags);
        return Task.CompletedTask;
    }
}
