using System.Text;
using Npgsql;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// Sorts the errors of a heartbeat batch into the two kinds the writer treats differently.
/// <para>
/// A <em>content</em> error is caused by the rows themselves, so sending the same rows again fails again: the writer
/// splits the batch until it has the offending rows, rejects those alone and writes the rest. Content errors are a closed
/// list: SQLSTATE class 22 (data exception: 22021 a NUL in text, 22001 too long, 22003 out of range, 22007/22008
/// bad date), class 23 (integrity constraint violation: not null, foreign key, unique, check), 54000 (program limit
/// exceeded: a value too large for an index row), and text the driver cannot encode as UTF-8 (a lone surrogate:
/// <see cref="EncoderFallbackException"/>).
/// </para>
/// <para>
/// Every other error is retried with the whole batch kept: connection failures and timeouts, class 08 (connection),
/// 53 (insufficient resources: disk full, too many connections), 57 (operator intervention: admin or crash shutdown,
/// cannot connect now, statement cancelled), 58 (system I/O), 40 (serialization failure, deadlock), 55 (lock not
/// available), 3D000/28xxx (database missing, authentication) and 42xxx (schema not migrated). Retrying something
/// that is in fact permanent jams the writer loudly (logged at every attempt, the buffer bound and overflow logged);
/// treating a fault of the database as content would drop good rows, which is worse.
/// </para>
/// </summary>
public static class HeartbeatWriteErrors
{
    /// <summary>True when <paramref name="exception"/> (or an exception it wraps) is a content error.</summary>
    public static bool IsContent(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return IsContentState(postgres.SqlState);
                case EncoderFallbackException:
                    return true;
            }
        }

        return false;
    }

    /// <summary>True for the SQLSTATE codes caused by the rows written (classes 22 and 23, and 54000).</summary>
    public static bool IsContentState(string sqlState) =>
        sqlState.StartsWith("22", StringComparison.Ordinal)
        || sqlState.StartsWith("23", StringComparison.Ordinal)
        || sqlState == PostgresErrorCodes.ProgramLimitExceeded;

    /// <summary>A short, single-line description that carries no row content: SQLSTATE and message for PostgreSQL errors.</summary>
    public static string Describe(Exception exception)
    {
        var postgres = FindPostgres(exception);
        var text = postgres is not null
            ? $"{postgres.SqlState} {postgres.MessageText}"
            : $"{exception.GetType().Name}: {exception.Message}";
        return SingleLine(text, 300);
    }

    /// <summary>
    /// At most <paramref name="maxLength"/> characters of <paramref name="text"/>, safe to log: cleaned by
    /// <see cref="StoredText.Clean"/>, control characters (line breaks included) replaced.
    /// </summary>
    public static string SingleLine(string? text, int maxLength)
    {
        var clean = StoredText.Clean(text, maxLength);
        if (!clean.Any(char.IsControl))
        {
            return clean;
        }

        return string.Create(clean.Length, clean, static (span, source) =>
        {
            for (var index = 0; index < source.Length; index++)
            {
                span[index] = char.IsControl(source[index]) ? '\uFFFD' : source[index];
            }
        });
    }

    private static PostgresException? FindPostgres(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is PostgresException postgres)
            {
                return postgres;
            }
        }

        return null;
    }
}
