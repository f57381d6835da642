using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.Grains.StatusPages;

/// <summary>
/// Status pages in <c>om_status_pages</c> and their manual updates in <c>om_status_page_updates</c>. A slug is unique
/// across the installation by the table's unique index, so two silos creating the same slug at once cannot both win;
/// the plan's page limit is checked and the page inserted in one transaction under a lock per workspace.
/// </summary>
public sealed class StatusPageStore(NpgsqlDataSource dataSource)
{
    private const string UniqueViolation = "23505";

    private const string Columns = "id, workspace_id, slug, title, description, project_ids, visibility, token_hash, created_at, updated_at";

    /// <summary>Inserts <paramref name="page"/> unless its workspace has <paramref name="limit"/> pages or another page has its slug.</summary>
    public async Task<StatusPageCreation> CreateAsync(StatusPageRecord page, int limit)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('om_status_pages:' || $1::text, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue(page.WorkspaceId);
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using (var count = new NpgsqlCommand("SELECT count(*) FROM om_status_pages WHERE workspace_id = $1", connection, transaction))
        {
            count.Parameters.AddWithValue(page.WorkspaceId);
            if (await count.ExecuteScalarAsync() is long existing && existing >= limit)
            {
                return StatusPageCreation.LimitReached;
            }
        }

        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO om_status_pages ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
            ON CONFLICT (slug) DO NOTHING
            """, connection, transaction))
        {
            AddPage(insert, page);
            if (await insert.ExecuteNonQueryAsync() == 0)
            {
                return StatusPageCreation.SlugTaken;
            }
        }

        await transaction.CommitAsync();
        return StatusPageCreation.Created;
    }

    /// <summary>Writes the page's settings and token hash; false when its new slug is another page's.</summary>
    public async Task<bool> UpdateAsync(StatusPageRecord page)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_status_pages SET slug = $3, title = $4, description = $5, project_ids = $6, visibility = $7, token_hash = $8, created_at = $9, updated_at = $10
            WHERE id = $1 AND workspace_id = $2
            """);
        AddPage(command, page);
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

    public async Task<StatusPageRecord?> GetAsync(Guid pageId) =>
        (await ReadPagesAsync($"SELECT {Columns} FROM om_status_pages WHERE id = $1", pageId)).SingleOrDefault();

    /// <summary>The workspace's pages, oldest first.</summary>
    public Task<IReadOnlyList<StatusPageRecord>> ListAsync(Guid workspaceId) =>
        ReadPagesAsync($"SELECT {Columns} FROM om_status_pages WHERE workspace_id = $1 ORDER BY created_at, id", workspaceId);

    /// <summary>The page that has <paramref name="slug"/>, or null.</summary>
    public async Task<Guid?> PageOfSlugAsync(string slug)
    {
        await using var command = dataSource.CreateCommand("SELECT id FROM om_status_pages WHERE slug = $1");
        command.Parameters.AddWithValue(slug);
        return await command.ExecuteScalarAsync() is Guid id ? id : null;
    }

    /// <summary>Stores <paramref name="update"/> and deletes the page's updates beyond the newest <paramref name="keep"/>.</summary>
    public async Task AddUpdateAsync(Guid pageId, StatusUpdateInfo update, int keep)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO om_status_page_updates (id, page_id, state, message, device_ids, created_at) VALUES ($1, $2, $3, $4, $5, $6)", connection, transaction))
        {
            insert.Parameters.AddWithValue(update.Id);
            insert.Parameters.AddWithValue(pageId);
            insert.Parameters.AddWithValue((short)update.State);
            insert.Parameters.AddWithValue(update.Message);
            insert.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, update.DeviceIds.ToArray());
            insert.Parameters.AddWithValue(update.CreatedAt.UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }

        await using (var trim = new NpgsqlCommand("""
            DELETE FROM om_status_page_updates WHERE page_id = $1 AND id NOT IN (
                SELECT id FROM om_status_page_updates WHERE page_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2)
            """, connection, transaction))
        {
            trim.Parameters.AddWithValue(pageId);
            trim.Parameters.AddWithValue(keep);
            await trim.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    /// <summary>The page's newest updates, newest first.</summary>
    public async Task<IReadOnlyList<StatusUpdateInfo>> UpdatesAsync(Guid pageId, int limit)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT id, state, message, device_ids, created_at FROM om_status_page_updates
            WHERE page_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2
            """);
        command.Parameters.AddWithValue(pageId);
        command.Parameters.AddWithValue(limit);
        var updates = new List<StatusUpdateInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            updates.Add(new StatusUpdateInfo(
                reader.GetGuid(0),
                (UpdateState)reader.GetInt16(1),
                reader.GetString(2),
                reader.GetFieldValue<Guid[]>(3),
                new DateTimeOffset(reader.GetDateTime(4), TimeSpan.Zero)));
        }

        return updates;
    }

    private static void AddPage(NpgsqlCommand command, StatusPageRecord page)
    {
        command.Parameters.AddWithValue(page.Id);
        command.Parameters.AddWithValue(page.WorkspaceId);
        command.Parameters.AddWithValue(page.Slug);
        command.Parameters.AddWithValue(page.Title);
        command.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)page.Description ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, page.ProjectIds.ToArray());
        command.Parameters.AddWithValue((short)page.Visibility);
        command.Parameters.AddWithValue(NpgsqlDbType.Bytea, (object?)page.TokenHash ?? DBNull.Value);
        command.Parameters.AddWithValue(page.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue(page.UpdatedAt.UtcDateTime);
    }

    private async Task<IReadOnlyList<StatusPageRecord>> ReadPagesAsync(string sql, Guid key)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue(key);
        var pages = new List<StatusPageRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            pages.Add(new StatusPageRecord(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.GetFieldValue<Guid[]>(5),
                (StatusPageVisibility)reader.GetInt16(6),
                reader.IsDBNull(7) ? null : reader.GetFieldValue<byte[]>(7),
                new DateTimeOffset(reader.GetDateTime(8), TimeSpan.Zero),
                new DateTimeOffset(reader.GetDateTime(9), TimeSpan.Zero)));
        }

        return pages;
    }
}
