using System.Net.Sockets;
using System.Text;
using Npgsql;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Tests.Storage;

/// <summary>Which errors split a batch to find bad rows, and which keep it whole and retry: never the wrong way round.</summary>
public sealed class HeartbeatWriteErrorsTests
{
    [Theory]
    [InlineData("22021")] // invalid byte sequence (a NUL in text)
    [InlineData("22001")] // string too long
    [InlineData("22003")] // numeric value out of range
    [InlineData("22008")] // datetime field overflow
    [InlineData("23502")] // not null violation
    [InlineData("23503")] // foreign key violation
    [InlineData("23514")] // check violation
    [InlineData("54000")] // program limit exceeded (a value too large for an index row)
    public void RowContentErrorsSplitTheBatch(string sqlState) =>
        Assert.True(HeartbeatWriteErrors.IsContent(Postgres(sqlState)));

    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("08001")] // cannot establish connection
    [InlineData("57P01")] // admin shutdown
    [InlineData("57P02")] // crash shutdown
    [InlineData("57P03")] // cannot connect now (starting up)
    [InlineData("57014")] // statement cancelled (statement timeout)
    [InlineData("53100")] // disk full
    [InlineData("53300")] // too many connections
    [InlineData("58030")] // I/O error
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock
    [InlineData("55P03")] // lock not available
    [InlineData("3D000")] // database does not exist
    [InlineData("28P01")] // password authentication failed
    [InlineData("42P01")] // undefined table (schema not migrated)
    [InlineData("XX000")] // internal error
    public void DatabaseFaultsAreRetried(string sqlState) =>
        Assert.False(HeartbeatWriteErrors.IsContent(Postgres(sqlState)));

    [Fact]
    public void ConnectionAndTimeoutFailuresAreRetried()
    {
        Assert.False(HeartbeatWriteErrors.IsContent(new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.False(HeartbeatWriteErrors.IsContent(new NpgsqlException("Exception while reading from stream", new IOException("reset"))));
        Assert.False(HeartbeatWriteErrors.IsContent(new NpgsqlException("Exception while reading from stream", new TimeoutException())));
        Assert.False(HeartbeatWriteErrors.IsContent(new TimeoutException()));
        Assert.False(HeartbeatWriteErrors.IsContent(new InvalidOperationException("The connection pool has been exhausted")));
        Assert.False(HeartbeatWriteErrors.IsContent(new OperationCanceledException()));
    }

    [Fact]
    public void TextTheDriverCannotEncodeIsContent()
    {
        var error = Assert.ThrowsAny<EncoderFallbackException>(() => new UTF8Encoding(false, true).GetBytes("half \uD800"));
        Assert.True(HeartbeatWriteErrors.IsContent(error));
        Assert.True(HeartbeatWriteErrors.IsContent(new NpgsqlException("write failed", error)));
    }

    [Fact]
    public void DescriptionIsOneShortLineWithoutRowContent()
    {
        var description = HeartbeatWriteErrors.Describe(Postgres("22021", "invalid byte sequence for encoding \"UTF8\": 0x00\nline two"));
        Assert.StartsWith("22021 invalid byte sequence", description, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", description, StringComparison.Ordinal);
        Assert.True(HeartbeatWriteErrors.Describe(new InvalidOperationException(new string('z', 5_000))).Length <= 300);
    }

    private static PostgresException Postgres(string sqlState, string message = "error") => new(message, "ERROR", "ERROR", sqlState);
}
