namespace OrleansMonitor.Grains.Alerting;

/// <summary>What an alert tells. Values are stored in the outbox: append only.</summary>
public enum AlertEventKind
{
    /// <summary>An incident opened: the monitor went down.</summary>
    Opened = 0,
    /// <summary>The incident resolved: the monitor is up again.</summary>
    Resolved = 1,
    /// <summary>A reminder that the incident is still open.</summary>
    StillDown = 2,
    /// <summary>A member acknowledged the incident.</summary>
    Acknowledged = 3,
    /// <summary>The monitor changes state too often: one alert instead of a storm.</summary>
    Flapping = 4,
    /// <summary>A test-send asked for by a user.</summary>
    Test = 5,
    /// <summary>An alert posted by another system to an inbound webhook URL.</summary>
    Inbound = 6,
    /// <summary>A flapping monitor has been stable (and up) for the rule's stable minutes: the episode is over.</summary>
    Stable = 7,
}
