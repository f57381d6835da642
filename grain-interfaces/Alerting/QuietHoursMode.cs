namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>What quiet hours let through. Values are stored: append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.QuietHoursMode")]
public enum QuietHoursMode
{
    /// <summary>Only escalation steps marked high-priority are sent; the rest wait for the end of the quiet hours.</summary>
    HighPriorityOnly = 0,
    /// <summary>Nothing is sent during the quiet hours; the alerts wait for their end.</summary>
    Silent = 1,
}
