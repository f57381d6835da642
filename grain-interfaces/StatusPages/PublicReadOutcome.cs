namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>
/// The answer to a read of a page's share URL: the view with its entity tag, or "not modified" (the caller's tag is
/// current), or not found. An unknown slug, a missing token and a wrong one are the same <see cref="NotFound"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.PublicReadOutcome")]
public sealed record PublicReadOutcome(
    [property: Id(0)] PublicStatusView? View,
    [property: Id(1)] string? ETag,
    [property: Id(2)] bool NotModified = false,
    [property: Id(3)] bool IsPrivate = false)
{
    public static PublicReadOutcome NotFound { get; } = new(null, null);
}
