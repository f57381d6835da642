using System.Globalization;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Quiet hours as HH:mm local times and a mode (high_priority_only, silent).</summary>
public sealed record QuietHoursView(string Start, string End, string Mode)
{
    public static QuietHoursView Of(QuietHours quiet) => new(
        quiet.Start.ToString("HH:mm", CultureInfo.InvariantCulture),
        quiet.End.ToString("HH:mm", CultureInfo.InvariantCulture),
        quiet.Mode == QuietHoursMode.Silent ? "silent" : "high_priority_only");
}
