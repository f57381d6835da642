namespace OrleansMonitor.Grains.Workspaces;

/// <summary>Tags: trimmed, lower-cased, 1–32 characters of letters, digits, '-', '_', ':' or '.', at most 20 per device.</summary>
public static class TagRules
{
    public const int MaxTags = 20;
    public const int MaxLength = 32;

    public static bool TryNormalize(IEnumerable<string> tags, out IReadOnlyList<string> normalized, out string error)
    {
        var result = new List<string>();
        foreach (var raw in tags)
        {
            var tag = raw.Trim().ToLowerInvariant();
            if (tag.Length is 0 or > MaxLength || !tag.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.'))
            {
                normalized = [];
                error = $"Tag '{raw}' must be 1-{MaxLength} characters of letters, digits, '-', '_', ':' or '.'";
                return false;
            }

            if (!result.Contains(tag))
            {
                result.Add(tag);
            }
        }

        if (result.Count > MaxTags)
        {
            normalized = [];
            error = $"At most {MaxTags} tags per device";
            return false;
        }

        result.Sort(StringComparer.Ordinal);
        normalized = result;
        error = "";
        return true;
    }
}
