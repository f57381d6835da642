namespace OrleansMonitor.GrainInterfaces.Silos;

/// <summary>
/// A snapshot of one silo's heartbeat writer. Every row accepted is, at any time, written, rejected or pending:
/// <c>Accepted = Written + Rejected + Pending</c> (up to rows in flight while the snapshot is taken).
/// </summary>
/// <param name="Accepted">Rows taken into the buffer since the silo started.</param>
/// <param name="Pending">Rows accepted and not yet written or rejected (the batch being written included).</param>
/// <param name="PendingBytes">Estimated memory held by the pending rows.</param>
/// <param name="Written">Rows whose batch was committed (rows of monitors deleted meanwhile are skipped by design).</param>
/// <param name="Dropped">Rows refused at the door: the buffer was full (rows or bytes), or the writer had stopped.</param>
/// <param name="Rejected">Rows the database (or the driver) refused for their content, each one logged.</param>
/// <param name="DatabaseUnreachable">The last attempt to write failed for a reason other than content; retrying.</param>
/// <param name="UnreachableSince">When the current run of failed attempts began.</param>
/// <param name="LastError">The last error, of either kind, in short (SQLSTATE and message, no row content).</param>
/// <param name="LastErrorAt">When <paramref name="LastError"/> happened.</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.HeartbeatWriterStats")]
public sealed record HeartbeatWriterStats(
    [property: Id(0)] long Accepted,
    [property: Id(1)] long Pending,
    [property: Id(2)] long PendingBytes,
    [property: Id(3)] long Written,
    [property: Id(4)] long Dropped,
    [property: Id(5)] long Rejected,
    [property: Id(6)] bool DatabaseUnreachable,
    [property: Id(7)] DateTimeOffset? UnreachableSince,
    [property: Id(8)] string? LastError,
    [property: Id(9)] DateTimeOffset? LastErrorAt);
