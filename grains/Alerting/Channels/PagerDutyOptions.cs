namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>Configuration section <c>Alerting:PagerDuty</c>: where PagerDuty events go (changed by tests to a loopback receiver).</summary>
public sealed class PagerDutyOptions
{
    public const string Section = "Alerting:PagerDuty";

    /// <summary>The Events API v2 enqueue URL.</summary>
    public string EventsUrl { get; set; } = "https://events.pagerduty.com/v2/enqueue";
}
