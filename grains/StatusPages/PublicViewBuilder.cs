using System.Security.Cryptography;
using System.Text.Json;
using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// Builds a page's public view from its settings, its projects' devices and its updates, and the view's entity tag: a
/// hash of the view itself, so the tag changes exactly when what a reader sees changes, also across activations.
/// </summary>
public static class PublicViewBuilder
{
    public const string Operational = "operational";
    public const string Maintenance = "maintenance";
    public const string PartialOutage = "partial_outage";
    public const string MajorOutage = "major_outage";

    private static readonly JsonSerializerOptions TagJson = new(JsonSerializerDefaults.General);

    /// <param name="projects">The included projects that exist, in the page's order, with their devices.</param>
    /// <param name="updates">The page's updates, newest first; the first <paramref name="shown"/> are shown.</param>
    public static (PublicStatusView View, string ETag) Build(
        StatusPageRecord page, IReadOnlyList<(string Name, IReadOnlyList<DeviceSummary> Devices)> projects, IReadOnlyList<StatusUpdateInfo> updates, int shown)
    {
        var names = projects.SelectMany(p => p.Devices).GroupBy(d => d.Id).ToDictionary(g => g.Key, g => g.First().Name);
        var view = new PublicStatusView(
            page.Title,
            page.Description,
            OverallState(projects.SelectMany(p => p.Devices).Select(d => d.Status)),
            projects.Select(p => new PublicProjectView(
                p.Name,
                p.Devices
                    .OrderBy(d => d.Name, StringComparer.OrdinalIgnoreCase)
                    .ThenBy(d => d.Id)
                    .Select(d => new PublicDeviceView(d.Name, d.Status, d.LastCheck))
                    .ToArray())).ToArray(),
            updates.Take(shown).Select(u => new PublicUpdateView(
                u.State,
                u.Message,
                u.DeviceIds.Where(names.ContainsKey).Select(id => names[id]).ToArray(),
                u.CreatedAt)).ToArray());
        return (view, TagOf(view, page.Visibility));
    }

    /// <summary>
    /// major_outage when every device that has a verdict (up or down) is down, partial_outage when some are,
    /// maintenance when none is down but some are in maintenance, operational otherwise (also with no devices).
    /// </summary>
    public static string OverallState(IEnumerable<string> statuses)
    {
        var (up, down, maintenance) = (0, 0, 0);
        foreach (var status in statuses)
        {
            switch (status)
            {
                case "up":
                    up++;
                    break;
                case "down":
                    down++;
                    break;
                case "maintenance":
                    maintenance++;
                    break;
            }
        }

        return down > 0 ? (up == 0 ? MajorOutage : PartialOutage) : maintenance > 0 ? Maintenance : Operational;
    }

    /// <summary>True when <paramref name="ifNoneMatch"/> (an <c>If-None-Match</c> header: tags separated by commas, or <c>*</c>) names <paramref name="etag"/>.</summary>
    public static bool Matches(string? ifNoneMatch, string etag)
    {
        if (string.IsNullOrWhiteSpace(ifNoneMatch))
        {
            return false;
        }

        foreach (var part in ifNoneMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var tag = part.StartsWith("W/", StringComparison.Ordinal) ? part[2..] : part;
            if (tag == "*" || tag == etag)
            {
                return true;
            }
        }

        return false;
    }

    private static string TagOf(PublicStatusView view, StatusPageVisibility visibility)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { view, visibility }, TagJson);
        return "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 16)) + "\"";
    }
}
