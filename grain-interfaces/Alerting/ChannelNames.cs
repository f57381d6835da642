namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>The names channels go by in the API and in messages (lowercase, stable).</summary>
public static class ChannelNames
{
    private static readonly Dictionary<ChannelKind, string> Names = new()
    {
        [ChannelKind.Webhook] = "webhook",
        [ChannelKind.Slack] = "slack",
        [ChannelKind.Teams] = "teams",
        [ChannelKind.Discord] = "discord",
        [ChannelKind.PagerDuty] = "pagerduty",
        [ChannelKind.Email] = "email",
        [ChannelKind.Sms] = "sms",
        [ChannelKind.Voice] = "voice",
        [ChannelKind.InApp] = "in_app",
    };

    private static readonly Dictionary<string, ChannelKind> Kinds = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    public static string Of(ChannelKind kind) => Names.TryGetValue(kind, out var name) ? name : kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? name, out ChannelKind kind) => Kinds.TryGetValue(name ?? string.Empty, out kind);
}
