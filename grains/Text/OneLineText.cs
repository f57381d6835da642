namespace OrleansMonitor.Grains.Text;

/// <summary>
/// The rule for one-line text a user gives (names, URLs, labels): text that can be stored (<see cref="StoredText.IsClean"/>)
/// and that holds no control character (C0 or DEL), since none has a place on one line.
/// </summary>
public static class OneLineText
{
    public static bool IsValid(ReadOnlySpan<char> text) =>
        StoredText.IsClean(text) && text.IndexOfAnyInRange('\0', '\u001F') < 0 && !text.Contains('\u007F');
}
