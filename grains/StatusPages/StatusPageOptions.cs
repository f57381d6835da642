namespace OrleansMonitor.Grains.StatusPages;

/// <summary>Status pages (section <c>StatusPages</c>).</summary>
public sealed class StatusPageOptions
{
    public const string Section = "StatusPages";

    /// <summary>
    /// How often an active page grain reads its devices again from the workspace grain: state changes are pushed to it
    /// at once, this keeps the "last check" times fresh and drops devices deleted since.
    /// </summary>
    public TimeSpan DeviceRefreshPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Manual updates kept per page (older ones are deleted).</summary>
    public int UpdatesKept { get; set; } = 200;

    /// <summary>Manual updates the public view shows, newest first.</summary>
    public int UpdatesShown { get; set; } = 20;
}
