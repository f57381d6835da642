using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Tests.Text;

public sealed class StoredTextTests
{
    [Fact]
    public void CleanTextIsReturnedAsItIs()
    {
        const string text = "200 - OK ✓ 😀";
        Assert.Same(text, StoredText.Clean(text));
    }

    [Fact]
    public void NulAndLoneSurrogatesBecomeReplacementCharacters()
    {
        Assert.Equal("a\uFFFDb\uFFFDc\uFFFD", StoredText.Clean("a\0b\uD800c\uDC00"));
        Assert.True(StoredText.IsClean(StoredText.Clean("\0\uDFFF\uD83D")));
    }

    [Fact]
    public void LongTextIsCutToTheLimitWithAnEllipsis()
    {
        var cleaned = StoredText.Clean(new string('x', 10_000));
        Assert.Equal(StoredText.MessageMaxLength, cleaned.Length);
        Assert.EndsWith("…", cleaned, StringComparison.Ordinal);
        Assert.Equal(new string('x', 512), StoredText.Clean(new string('x', 512)));
    }

    [Fact]
    public void CutNeverSplitsASurrogatePair()
    {
        // 9 x then a pair at positions 9-10: a cut at 10 would split it.
        var cleaned = StoredText.Clean(new string('x', 9) + "😀" + "tail", 11);
        Assert.Equal(new string('x', 9) + "…", cleaned);
        Assert.True(StoredText.IsClean(cleaned));
    }

    [Fact]
    public void NullBecomesEmpty() => Assert.Equal(string.Empty, StoredText.Clean(null));
}
