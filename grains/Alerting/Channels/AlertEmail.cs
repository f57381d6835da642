using System.Net;
using System.Text;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// The subject and the two bodies of an alert email: plain text, and HTML in which every text from a target or a user is
/// HTML-escaped and only http(s) links are rendered as links.
/// </summary>
/// <param name="Subject">The alert's title.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
public sealed record AlertEmail(string Subject, string Text, string Html)
{
    public static AlertEmail From(AlertEvent alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var facts = Facts(alert);
        var dashboard = AlertWording.Link(alert.DashboardUrl);
        var acknowledge = AlertWording.Link(alert.AcknowledgeUrl);

        var text = new StringBuilder().Append(alert.Title).Append("\n\n");
        foreach (var (label, value) in facts)
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        if (alert.Cause.Length > 0)
        {
            text.Append("\nCause: ").Append(alert.Cause).Append('\n');
        }

        if (dashboard is not null || acknowledge is not null)
        {
            text.Append('\n');
            AppendTextLink(text, "Dashboard", dashboard);
            AppendTextLink(text, "Acknowledge", acknowledge);
        }

        var colour = AlertWording.IsRecovery(alert.Kind) ? "#1e8e3e" : "#d93025";
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html><body style=\"font-family:sans-serif\">")
            .Append("<h2 style=\"color:").Append(colour).Append("\">").Append(Escape(alert.Title)).Append("</h2><table>");
        foreach (var (label, value) in facts)
        {
            html.Append("<tr><th align=\"left\">").Append(Escape(label)).Append("</th><td>").Append(Escape(value)).Append("</td></tr>");
        }

        html.Append("</table>");
        if (alert.Cause.Length > 0)
        {
            html.Append("<p><strong>Cause:</strong> ").Append(Escape(alert.Cause)).Append("</p>");
        }

        if (dashboard is not null || acknowledge is not null)
        {
            html.Append("<p>");
            AppendHtmlLink(html, "Open dashboard", dashboard);
            AppendHtmlLink(html, "Acknowledge", acknowledge);
            html.Append("</p>");
        }

        html.Append("</body></html>");
        return new AlertEmail(alert.Title, text.ToString(), html.ToString());
    }

    private static List<(string Label, string Value)> Facts(AlertEvent alert)
    {
        var facts = new List<(string, string)> { ("Monitor", alert.MonitorName), ("State", AlertWording.State(alert.Kind)) };
        if (alert.Target.Length > 0)
        {
            facts.Add(("Target", alert.Target));
        }

        if (alert.StartedAt is { } started)
        {
            facts.Add(("Started", AlertWording.Timestamp(started)));
        }

        if (alert.ResolvedAt is { } resolved)
        {
            facts.Add(("Resolved", AlertWording.Timestamp(resolved)));
        }

        if (alert.Duration is { } duration)
        {
            facts.Add(("Duration", AlertWording.Duration(duration)));
        }

        facts.Add(("Occurred", AlertWording.Timestamp(alert.OccurredAt)));
        return facts;
    }

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static void AppendTextLink(StringBuilder text, string label, string? url)
    {
        if (url is not null)
        {
            text.Append(label).Append(": ").Append(url).Append('\n');
        }
    }

    private static void AppendHtmlLink(StringBuilder html, string label, string? url)
    {
        if (url is not null)
        {
            html.Append("<a href=\"").Append(Escape(url)).Append("\">").Append(Escape(label)).Append("</a> ");
        }
    }
}
