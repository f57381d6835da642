using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/webhooks</c>.</summary>
public sealed record WebhookRequest
{
    [Description("3 to 100 characters, one line; the alias is a slug of it, made unique in the workspace.")]
    public required string Name { get; init; }

    [Description("At most 1000 characters.")]
    public string? Description { get; init; }

    [Description("One or more of EMAIL, SMS, PUSH_NOTIF (the workspace's in-app feed), CALL; no repeats.")]
    public required IReadOnlyList<string> NotificationTypes { get; init; }

    public TargetChannelsRequest? TargetChannels { get; init; }
}
