namespace OrleansMonitor.GrainInterfaces.Alerting;

/// <summary>One delivery as a member may see it: where to (webhook URLs cut to their host, phone numbers to their last digits) and how it went.</summary>
/// <param name="Id">The delivery's id.</param>
/// <param name="Channel">How it is sent.</param>
/// <param name="Destination">Where, masked.</param>
/// <param name="Event">What it tells, in snake_case ("opened", "test").</param>
/// <param name="Status">pending, sending, sent, failed or cancelled.</param>
/// <param name="Attempts">Attempts started so far.</param>
/// <param name="LastStatusCode">The receiver's status at the last attempt, when it answered.</param>
/// <param name="LastError">Why the last attempt failed, or null.</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="CompletedAt">When it was sent, failed for good or cancelled.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.DeliveryInfo")]
public sealed record DeliveryInfo(
    [property: Id(0)] Guid Id,
    [property: Id(1)] ChannelKind Channel,
    [property: Id(2)] string Destination,
    [property: Id(3)] string Event,
    [property: Id(4)] string Status,
    [property: Id(5)] int Attempts,
    [property: Id(6)] int? LastStatusCode,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset? CompletedAt);
