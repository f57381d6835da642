using System.Globalization;

namespace OrleansMonitor.ApiHost.Dashmon;

/// <summary>An incident id in a route: decimal digits only; anything else is an incident that does not exist.</summary>
public static class IncidentIds
{
    public static bool TryParse(string? text, out long incidentId) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out incidentId);
}
