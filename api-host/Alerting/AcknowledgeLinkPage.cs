using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using OrleansMonitor.GrainInterfaces.Alerting;

namespace OrleansMonitor.ApiHost.Alerting;

/// <summary>
/// The small server-side pages of an acknowledge link: the confirmation (a button that posts back to the link, so a
/// mail scanner or chat preview that fetches the link changes nothing), the answer, and "not valid". Every text from
/// the incident is HTML-encoded.
/// </summary>
public static class AcknowledgeLinkPage
{
    public static string Confirm(AcknowledgeLinkView incident) => Page(
        "Acknowledge this incident?",
        Describe(incident) + """<form method="post"><button type="submit">Acknowledge</button></form>""");

    public static string Answer(AcknowledgeLinkView incident) => incident switch
    {
        { ResolvedAt: { } resolved } => Page("Incident resolved", Describe(incident) + Paragraph($"It resolved at {Time(resolved)}: there is nothing left to acknowledge.")),
        { AcknowledgedAt: { } at } => Page("Incident acknowledged", Describe(incident) + Paragraph($"Acknowledged at {Time(at)}: escalation has stopped.")),
        _ => Confirm(incident),
    };

    public static string NotValid() => Page(
        "This link is not valid",
        Paragraph("It may have expired, or the incident may be gone. Acknowledge the incident through the API instead."));

    private static string Describe(AcknowledgeLinkView incident) =>
        Paragraph($"#{incident.IncidentId.ToString(CultureInfo.InvariantCulture)} {incident.MonitorName} is down since {Time(incident.StartedAt)}.")
        + (incident.Cause.Length > 0 ? Paragraph(incident.Cause) : string.Empty);

    private static string Paragraph(string text) => "<p>" + HtmlEncoder.Default.Encode(text) + "</p>";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static string Page(string title, string body)
    {
        var page = new StringBuilder();
        page.Append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        page.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">");
        page.Append("<title>").Append(HtmlEncoder.Default.Encode(title)).Append(" · OrleansMonitor</title>");
        page.Append("<style>body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}");
        page.Append("main{max-width:32rem;margin:3rem auto;padding:1.5rem;background:#fff;border:1px solid #d0d7de;border-radius:8px}");
        page.Append("button{font:inherit;padding:.5rem 1.25rem;border:0;border-radius:6px;background:#0b5cad;color:#fff;cursor:pointer}</style>");
        page.Append("</head><body><main><h1>").Append(HtmlEncoder.Default.Encode(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return page.ToString();
    }
}
