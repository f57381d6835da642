using OrleansMonitor.Grains.Probes.Synthetic;
using static OrleansMonitor.GrainInterfaces.Monitors.SyntheticAssertionKind;

namespace OrleansMonitor.Tests.Probes.Synthetic;

public sealed class AssertionRulesTests
{
    public static TheoryData<SyntheticAssertion> WellFormed() => new()
    {
        new(StatusCodeIn, null, "200"),
        new(StatusCodeIn, null, "200, 204,3xx"),
        new(StatusCodeIn, null, "200-299"),
        new(ResponseTimeBelow, null, "1"),
        new(ResponseTimeBelow, null, "600000"),
        new(TlsValidDaysAtLeast, null, "0"),
        new(DomainDaysAtLeast, null, "3650"),
        new(BodyContains, null, "ok"),
        new(BodyNotContains, null, new string('x', 1000)),
        new(JsonPathEquals, "$.status", "ok"),
        new(JsonPathEquals, "data.items[0].id", ""),
        new(JsonPathEquals, "$['a.b'][2]", "line\nbreak"),
        new(JsonPathExists, "$.data", null),
        new(HeaderEquals, "Cache-Control", "no-store"),
        new(HeaderEquals, "x-custom_header.v2", ""),
    };

    public static TheoryData<SyntheticAssertion, string> Malformed() => new()
    {
        { new(StatusCodeIn, null, null), "Value is required: status codes such as \"200,204\" or \"200-299\"" },
        { new(StatusCodeIn, null, "200,abc"), "Invalid status codes: 'abc' is not a three-digit status code." },
        { new(StatusCodeIn, null, "200,"), "Invalid status codes: Empty status code entry." },
        { new(StatusCodeIn, null, "300-200"), "Invalid status codes: Invalid status code range '300-200': start is greater than end." },
        { new(ResponseTimeBelow, null, "0"), "Value must be a whole number of milliseconds from 1 to 600000" },
        { new(ResponseTimeBelow, null, "600001"), "Value must be a whole number of milliseconds from 1 to 600000" },
        { new(ResponseTimeBelow, null, "1.5"), "Value must be a whole number of milliseconds from 1 to 600000" },
        { new(ResponseTimeBelow, null, null), "Value must be a whole number of milliseconds from 1 to 600000" },
        { new(TlsValidDaysAtLeast, null, "-1"), "Value must be a whole number of days from 0 to 3650" },
        { new(DomainDaysAtLeast, null, "3651"), "Value must be a whole number of days from 0 to 3650" },
        { new(BodyContains, null, ""), "Value is required: the text to look for in the body" },
        { new(BodyNotContains, null, null), "Value is required: the text to look for in the body" },
        { new(BodyContains, null, new string('x', 1001)), "Value must be at most 1000 characters" },
        { new(JsonPathEquals, null, "ok"), "Target is required: a JSON path such as $.status" },
        { new(JsonPathExists, " ", null), "Target is required: a JSON path such as $.status" },
        { new(JsonPathExists, "$." + new string('a', 199), null), "Target must be at most 200 characters" },
        { new(JsonPathExists, "$.items[-1]", null), "Target is not a valid JSON path: '[-1]' at position 8 is not an array index" },
        { new(JsonPathExists, "$..a", null), "Target is not a valid JSON path: a member name is missing at position 3" },
        { new(JsonPathExists, "$status", null), "Target is not a valid JSON path: unexpected 's' at position 2" },
        { new(JsonPathExists, "$.items[0", null), "Target is not a valid JSON path: '[' at position 8 is not closed" },
        { new(JsonPathEquals, "$.status", null), "Value is required: the expected JSON value as text" },
        { new(HeaderEquals, null, "x"), "Target is required: a header name" },
        { new(HeaderEquals, "Bad Header", "x"), "Target 'Bad Header' is not a valid HTTP header name" },
        { new(HeaderEquals, "X-Ok:", "x"), "Target 'X-Ok:' is not a valid HTTP header name" },
        { new(HeaderEquals, "X-Ok", null), "Value is required: the expected header value" },
        { new(HeaderEquals, "X-Ok", "a\r\nb"), "Value must not contain line breaks" },
        { new((SyntheticAssertionKind)99, null, "x"), "Unknown assertion type 99" },
    };

    [Theory]
    [MemberData(nameof(WellFormed))]
    public void WellFormedAssertionIsAccepted(SyntheticAssertion assertion)
    {
        Assert.True(AssertionRules.TryValidate([assertion], out var errors), string.Join("; ", errors.Values));
        Assert.Empty(errors);
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedAssertionIsRejectedWithItsReason(SyntheticAssertion assertion, string reason)
    {
        Assert.False(AssertionRules.TryValidate([assertion], out var errors));
        Assert.Equal(new Dictionary<string, string> { ["assertions[0]"] = reason }, errors);
    }

    [Fact]
    public void ErrorsAreKeyedByTheIndexOfEachBadAssertion()
    {
        SyntheticAssertion[] assertions =
        [
            new(StatusCodeIn, null, "200"),
            new(BodyContains, null, ""),
            new(JsonPathExists, "$.ok", null),
            new(ResponseTimeBelow, null, "slow"),
        ];

        Assert.False(AssertionRules.TryValidate(assertions, out var errors));
        Assert.Equal(
            new Dictionary<string, string>
            {
                ["assertions[1]"] = "Value is required: the text to look for in the body",
                ["assertions[3]"] = "Value must be a whole number of milliseconds from 1 to 600000",
            },
            errors);
    }

    [Fact]
    public void TwentyAssertionsAreAllowedButNotTwentyOne()
    {
        var twenty = Enumerable.Repeat(new SyntheticAssertion(BodyContains, null, "ok"), 20).ToList();
        var twentyOne = Enumerable.Repeat(new SyntheticAssertion(BodyContains, null, "ok"), 21).ToList();

        Assert.True(AssertionRules.TryValidate(twenty, out _));
        Assert.False(AssertionRules.TryValidate(twentyOne, out var errors));
        Assert.Equal(new Dictionary<string, string> { ["assertions"] = "At most 20 assertions are allowed" }, errors);
    }

    [Fact]
    public void EmptyListIsValid()
    {
        Assert.True(AssertionRules.TryValidate([], out var errors));
        Assert.Empty(errors);
    }
}
