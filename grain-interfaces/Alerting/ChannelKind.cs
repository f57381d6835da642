namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>How a delivery reaches its recipient. Values are stored (outbox rows, alert settings): append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.ChannelKind")]
public enum ChannelKind
{
    /// <summary>Generic JSON webhook, signed when a secret is set.</summary>
    Webhook = 0,
    /// <summary>Slack incoming webhook (Block Kit).</summary>
    Slack = 1,
    /// <summary>Microsoft Teams incoming webhook (Adaptive Card).</summary>
    Teams = 2,
    /// <summary>Discord webhook (embed).</summary>
    Discord = 3,
    /// <summary>PagerDuty Events API v2, one dedup key per incident.</summary>
    PagerDuty = 4,
    /// <summary>Email over SMTP.</summary>
    Email = 5,
    /// <summary>SMS through the configured gateway.</summary>
    Sms = 6,
    /// <summary>Voice call through the configured gateway.</summary>
    Voice = 7,
    /// <summary>The in-app notification feed.</summary>
    InApp = 8,
}
