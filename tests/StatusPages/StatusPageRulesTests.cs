using OrleansMonitor.GrainInterfaces.StatusPages;
using OrleansMonitor.Grains.StatusPages;

namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The plain rules of status pages: slugs, drafts, cleaning, the overall state and entity tag matching.</summary>
public sealed class StatusPageRulesTests
{
    [Theory]
    [InlineData("abc", true)]
    [InlineData("acme-status-2", true)]
    [InlineData("a-b", true)]
    [InlineData("ab", false)]
    [InlineData("-abc", false)]
    [InlineData("abc-", false)]
    [InlineData("Abc", false)]
    [InlineData("a_bc", false)]
    [InlineData("a bc", false)]
    [InlineData("ábc", false)]
    [InlineData("", false)]
    public void SlugsAreLowercaseLettersDigitsAndInnerDashes(string slug, bool valid) => Assert.Equal(valid, StatusPageSlug.IsValid(slug));

    [Fact]
    public void SlugsAreAtMost64Characters()
    {
        Assert.True(StatusPageSlug.IsValid(new string('a', 64)));
        Assert.False(StatusPageSlug.IsValid(new string('a', 65)));
    }

    [Theory]
    [InlineData("", "operational")]
    [InlineData("up,pending", "operational")]
    [InlineData("up,maintenance", "maintenance")]
    [InlineData("up,down,maintenance", "partial_outage")]
    [InlineData("down,pending,maintenance", "major_outage")]
    [InlineData("down", "major_outage")]
    public void TheOverallStateFollowsTheDevices(string statuses, string expected) =>
        Assert.Equal(expected, PublicViewBuilder.OverallState(statuses.Split(',', StringSplitOptions.RemoveEmptyEntries)));

    [Theory]
    [InlineData("\"abc\"", true)]
    [InlineData("W/\"abc\"", true)]
    [InlineData("\"x\", \"abc\"", true)]
    [InlineData("*", true)]
    [InlineData("\"abcd\"", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    public void IfNoneMatchNamesTheTag(string header, bool matches) => Assert.Equal(matches, PublicViewBuilder.Matches(header, "\"abc\""));

    [Fact]
    public void ANewPageNeedsEverythingButADescription()
    {
        var (page, errors) = StatusPageRules.Check(new StatusPageDraft(null, null, null, null, null), null, new HashSet<Guid>());

        Assert.Null(page);
        Assert.Equal(["projectIds", "slug", "title", "visibility"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AChangeChecksOnlyWhatItGivesAndCleansIt()
    {
        var project = Guid.NewGuid();
        var current = new StatusPageRecord(Guid.NewGuid(), Guid.NewGuid(), "acme", "Acme", null, [project], StatusPageVisibility.Public, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

        var (page, errors) = StatusPageRules.Check(new StatusPageDraft("  Acme  ", null, "  two\nlines\u0000\u0008 ", [project, project], null), current, new HashSet<Guid> { project });

        Assert.Empty(errors);
        Assert.Equal("Acme", page!.Title);
        Assert.Null(page.Slug);
        Assert.Equal("two\nlines\uFFFD", page.Description);
        Assert.Equal([project], page.ProjectIds!);
    }

    [Fact]
    public void MessagesAreTrimmedCleanedAndBounded()
    {
        Assert.Equal("cause\uFFFD found", StatusPageRules.Message(" cause\0 found\u001b "));
        Assert.Null(StatusPageRules.Message("   "));
        Assert.Null(StatusPageRules.Message(new string('m', StatusPageRules.MessageMaxLength + 1)));
        Assert.Equal(StatusPageRules.MessageMaxLength, StatusPageRules.Message(new string('m', StatusPageRules.MessageMaxLength))!.Length);
    }
}
