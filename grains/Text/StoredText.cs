using System.Text;

namespace OrleansMonitor.Grains.Text;

/// <summary>
/// The one place where text that came from a target or a user is made safe to store, log and keep in memory:
/// NUL characters and lone surrogates (which PostgreSQL refuses, or which are not text at all) become U+FFFD, and the
/// length is capped without splitting a surrogate pair, the cut marked with "…".
/// </summary>
public static class StoredText
{
    /// <summary>Longest heartbeat message or incident cause kept.</summary>
    public const int MessageMaxLength = 512;

    private const char Replacement = '\uFFFD';
    private const char Ellipsis = '…';

    /// <summary>
    /// <paramref name="text"/> with NUL and lone surrogates replaced and at most <paramref name="maxLength"/> characters
    /// (UTF-16 code units); the same instance when it needs no change. Null becomes the empty string.
    /// </summary>
    public static string Clean(string? text, int maxLength = MessageMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (text.Length <= maxLength && IsClean(text))
        {
            return text;
        }

        var limit = text.Length <= maxLength ? text.Length : maxLength - 1;
        if (limit < text.Length && char.IsHighSurrogate(text[limit - 1]) && char.IsLowSurrogate(text[limit]))
        {
            limit--; // never split a pair
        }

        var builder = new StringBuilder(limit + 1);
        for (var index = 0; index < limit; index++)
        {
            var c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < limit && char.IsLowSurrogate(text[index + 1]))
            {
                builder.Append(c).Append(text[++index]);
            }
            else
            {
                builder.Append(c == '\0' || char.IsSurrogate(c) ? Replacement : c);
            }
        }

        if (limit < text.Length)
        {
            builder.Append(Ellipsis);
        }

        return builder.ToString();
    }

    /// <summary>True when <paramref name="text"/> holds no NUL and no lone surrogate.</summary>
    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }
}
