using Npgsql;
using OrleansMonitor.GrainInterfaces.Identity;

namespace OrleansMonitor.Grains.Identity;

/// <summary>The om_users, om_sessions and om_api_tokens tables.</summary>
public sealed class IdentityStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";
    private const long FirstUserLockKey = 0x4F4D_4649_5253_54; // "OMFIRST"

    /// <summary>Inserts the user; false when the email is taken (case-insensitively).</summary>
    public async Task<bool> TryAddUserAsync(UserRecord user)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_users (id, email, name, password_hash, workspace_id) VALUES ($1, $2, $3, $4, $5)
            """);
        command.Parameters.AddWithValue(user.Id);
        command.Parameters.AddWithValue(user.Email);
        command.Parameters.AddWithValue(user.Name);
        command.Parameters.AddWithValue(user.PasswordHash);
        command.Parameters.AddWithValue(user.WorkspaceId);
        try
        {
            await command.ExecuteNonQueryAsync();
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>
    /// Inserts the user only when the installation has no user yet; false otherwise. Concurrent first registrations
    /// take turns under an advisory lock, so exactly one of them wins.
    /// </summary>
    public async Task<bool> TryAddFirstUserAsync(UserRecord user)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({FirstUserLockKey})", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand("""
            INSERT INTO om_users (id, email, name, password_hash, workspace_id)
            SELECT $1, $2, $3, $4, $5 WHERE NOT EXISTS (SELECT 1 FROM om_users)
            """, connection, transaction);
        command.Parameters.AddWithValue(user.Id);
        command.Parameters.AddWithValue(user.Email);
        command.Parameters.AddWithValue(user.Name);
        command.Parameters.AddWithValue(user.PasswordHash);
        command.Parameters.AddWithValue(user.WorkspaceId);
        var added = await command.ExecuteNonQueryAsync() == 1;
        await transaction.CommitAsync();
        return added;
    }

    public async Task<UserRecord?> FindUserByEmailAsync(string email)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, email, name, password_hash, workspace_id FROM om_users WHERE lower(email) = lower($1)
            """);
        command.Parameters.AddWithValue(email);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new UserRecord(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetGuid(4))
            : null;
    }

    public async Task UpdatePasswordHashAsync(Guid userId, string passwordHash)
    {
        await using var command = dataSource.CreateCommand("UPDATE om_users SET password_hash = $2 WHERE id = $1");
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(passwordHash);
        await command.ExecuteNonQueryAsync();
    }

    public async Task AddSessionAsync(byte[] secretHash, Guid userId, Guid workspaceId, DateTimeOffset createdAt, DateTimeOffset expiresAt)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_sessions (secret_hash, user_id, workspace_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)
            """);
        command.Parameters.AddWithValue(secretHash);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(createdAt.UtcDateTime);
        command.Parameters.AddWithValue(expiresAt.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    public async Task EndSessionAsync(byte[] secretHash, DateTimeOffset endedAt)
    {
        await using var command = dataSource.CreateCommand("UPDATE om_sessions SET ended_at = $2 WHERE secret_hash = $1 AND ended_at IS NULL");
        command.Parameters.AddWithValue(secretHash);
        command.Parameters.AddWithValue(endedAt.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Changes the active workspace of a live session of that user; false when there is no such session.</summary>
    public async Task<bool> SwitchSessionWorkspaceAsync(byte[] secretHash, Guid userId, Guid workspaceId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_sessions SET workspace_id = $3 WHERE secret_hash = $1 AND user_id = $2 AND ended_at IS NULL AND expires_at > $4
            """);
        command.Parameters.AddWithValue(secretHash);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<Principal?> FindLiveSessionAsync(byte[] secretHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT u.id, u.email, u.name, s.workspace_id, s.expires_at
            FROM om_sessions s JOIN om_users u ON u.id = s.user_id
            WHERE s.secret_hash = $1 AND s.ended_at IS NULL AND s.expires_at > $2
            """);
        command.Parameters.AddWithValue(secretHash);
        command.Parameters.AddWithValue(now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Principal(reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetGuid(3), AccessLevel.Session, ToUtc(reader.GetDateTime(4)), null)
            : null;
    }

    public async Task AddApiTokenAsync(ApiTokenInfo token, Guid userId, Guid workspaceId, byte[] secretHash)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_api_tokens (id, user_id, workspace_id, label, access_level, secret_hash, prefix, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.AddWithValue(token.Id);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(token.Label);
        command.Parameters.AddWithValue(AccessLevelNames.ToText(token.AccessLevel));
        command.Parameters.AddWithValue(secretHash);
        command.Parameters.AddWithValue(token.Prefix);
        command.Parameters.AddWithValue(token.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.TimestampTz, (object?)token.ExpiresAt?.UtcDateTime ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>The principal of a live token; marks it used.</summary>
    public async Task<Principal?> UseLiveApiTokenAsync(byte[] secretHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_api_tokens t SET last_used_at = $2
            FROM om_users u
            WHERE t.secret_hash = $1 AND u.id = t.user_id AND t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > $2)
            RETURNING u.id, u.email, u.name, t.workspace_id, t.access_level, t.expires_at, t.id
            """);
        command.Parameters.AddWithValue(secretHash);
        command.Parameters.AddWithValue(now.UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new Principal(
                reader.GetGuid(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetGuid(3),
                AccessLevelNames.Parse(reader.GetString(4)),
                reader.IsDBNull(5) ? null : ToUtc(reader.GetDateTime(5)),
                reader.GetGuid(6))
            : null;
    }

    public async Task<IReadOnlyList<ApiTokenInfo>> ListLiveApiTokensAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, label, access_level, created_at, expires_at, last_used_at, prefix
            FROM om_api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at, id
            """);
        command.Parameters.AddWithValue(userId);
        var tokens = new List<ApiTokenInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            tokens.Add(new ApiTokenInfo(
                reader.GetGuid(0),
                reader.GetString(1),
                AccessLevelNames.Parse(reader.GetString(2)),
                ToUtc(reader.GetDateTime(3)),
                reader.IsDBNull(4) ? null : ToUtc(reader.GetDateTime(4)),
                reader.IsDBNull(5) ? null : ToUtc(reader.GetDateTime(5)),
                reader.GetString(6)));
        }

        return tokens;
    }

    public async Task<bool> RevokeApiTokenAsync(Guid userId, Guid tokenId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_api_tokens SET revoked_at = $3 WHERE id = $2 AND user_id = $1 AND revoked_at IS NULL
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(tokenId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<IReadOnlyList<SessionInfo>> LiveSessionsAsync(Guid userId, byte[]? currentHash, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, created_at, expires_at, workspace_id, secret_hash = $3 FROM om_sessions
            WHERE user_id = $1 AND ended_at IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 100
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        command.Parameters.AddWithValue(currentHash ?? []);
        var sessions = new List<SessionInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            sessions.Add(new SessionInfo(reader.GetGuid(0), ToUtc(reader.GetDateTime(1)), ToUtc(reader.GetDateTime(2)), reader.GetGuid(3), reader.GetBoolean(4)));
        }

        return sessions;
    }

    /// <summary>Ends a live session by its public id; returns its secret hash (to forget cached answers) or null.</summary>
    public async Task<byte[]?> EndSessionByIdAsync(Guid userId, Guid sessionId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_sessions SET ended_at = $3 WHERE id = $2 AND user_id = $1 AND ended_at IS NULL RETURNING secret_hash
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(sessionId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        return await command.ExecuteScalarAsync() as byte[];
    }

    public async Task<string> TimeZoneOfAsync(Guid userId)
    {
        await using var command = dataSource.CreateCommand("SELECT timezone FROM om_user_preferences WHERE user_id = $1");
        command.Parameters.AddWithValue(userId);
        return await command.ExecuteScalarAsync() as string ?? "UTC";
    }

    public async Task SetTimeZoneAsync(Guid userId, string timeZone)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_user_preferences (user_id, timezone) VALUES ($1, $2)
            ON CONFLICT (user_id) DO UPDATE SET timezone = EXCLUDED.timezone, updated_at = now()
            """);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(timeZone);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<long> CountLiveTokensAsync(Guid workspaceId, DateTimeOffset now)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM om_api_tokens WHERE workspace_id = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > $2)
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(now.UtcDateTime);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            return await command.ExecuteScalarAsync(timeout.Token) is 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return false;
        }
    }

    private static DateTimeOffset ToUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
