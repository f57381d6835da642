using System.Text;
using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// What a status page and its updates may hold: a one-line title of 1 to 100 characters; a slug of 3 to 64 lowercase
/// letters, digits and dashes, neither starting nor ending with a dash; a description of at most 1,000 characters and
/// an update message of 1 to 2,000, both cleaned (<see cref="CleanText"/>); 1 to 50 projects; at most 100 devices per update.
/// </summary>
public static class StatusPageRules
{
    public const int TitleMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int MessageMaxLength = 2000;
    public const int MaxProjects = 50;
    public const int MaxDevicesPerUpdate = 100;

    /// <summary>The longest token a read compares (a longer one is no token of ours).</summary>
    public const int TokenMaxLength = 128;

    public const string TokenPrefix = "osp_";

    public static bool IsSlug(string? slug) => StatusPageSlug.IsValid(slug);

    /// <summary>
    /// Checks <paramref name="draft"/> against <paramref name="current"/> (null: a new page, every member but the
    /// description required) and the projects the caller sees; answers the draft with its text trimmed and cleaned and
    /// its projects de-duplicated, or the field errors.
    /// </summary>
    public static (StatusPageDraft? Checked, IReadOnlyDictionary<string, string> Errors) Check(
        StatusPageDraft draft, StatusPageRecord? current, IReadOnlySet<Guid> visibleProjects)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var title = draft.Title?.Trim();
        if (title is null ? current is null : title.Length is < 1 or > TitleMaxLength)
        {
            errors["title"] = $"title must be between 1 and {TitleMaxLength} characters";
        }
        else if (title is not null && !OneLineText.IsValid(title))
        {
            errors["title"] = "title must be one line of text without control characters";
        }

        if (draft.Slug is null ? current is null : !IsSlug(draft.Slug))
        {
            errors["slug"] = "slug must be 3 to 64 lowercase letters, digits and dashes, not starting or ending with a dash";
        }

        string? description = null;
        if (draft.ReplaceDescription && draft.Description is { } given)
        {
            if (given.Length > DescriptionMaxLength)
            {
                errors["description"] = $"description must be at most {DescriptionMaxLength} characters";
            }
            else
            {
                description = CleanText(given, DescriptionMaxLength);
            }
        }

        IReadOnlyList<Guid>? projects = draft.ProjectIds?.Distinct().ToArray();
        if (projects is null ? current is null : projects.Count is < 1 or > MaxProjects)
        {
            errors["projectIds"] = $"projectIds must name 1 to {MaxProjects} projects";
        }
        else if (projects is not null && projects.Any(p => !visibleProjects.Contains(p)))
        {
            errors["projectIds"] = "projectIds must name projects of this workspace";
        }

        if (draft.Visibility is null && current is null)
        {
            errors["visibility"] = "visibility must be public or private";
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        return (draft with { Title = title, Description = description, ProjectIds = projects }, errors);
    }

    /// <summary>An update's message trimmed and cleaned, or null when it is empty or longer than <see cref="MessageMaxLength"/>.</summary>
    public static string? Message(string? message)
    {
        var trimmed = message?.Trim();
        return trimmed is { Length: >= 1 and <= MessageMaxLength } ? CleanText(trimmed, MessageMaxLength) : null;
    }

    /// <summary>
    /// Multi-line text a user gives, made safe to store and show: trimmed, NUL and lone surrogates replaced
    /// (<see cref="StoredText.Clean"/>), control characters other than tab and line breaks dropped, at most
    /// <paramref name="maxLength"/> characters; null when nothing is left.
    /// </summary>
    public static string? CleanText(string? text, int maxLength)
    {
        var cleaned = StoredText.Clean(text?.Trim(), maxLength);
        if (cleaned.AsSpan().IndexOfAnyInRange('\u0001', '\u001F') >= 0 || cleaned.Contains('\u007F', StringComparison.Ordinal))
        {
            var builder = new StringBuilder(cleaned.Length);
            foreach (var c in cleaned)
            {
                if (c is '\t' or '\n' or '\r' || !(char.IsControl(c) && (c < ' ' || c == '\u007F')))
                {
                    builder.Append(c);
                }
            }

            cleaned = builder.ToString().Trim();
        }

        return cleaned.Length == 0 ? null : cleaned;
    }
}
