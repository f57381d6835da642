using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Channels;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>
/// The in-app notification feed in <c>om_notifications</c>: one row per in-app delivery (recording the same delivery
/// twice records it once), the newest <see cref="MaxPerWorkspace"/> kept per workspace. Read state is a watermark per
/// member (<c>om_notification_reads</c>): everything up to it is read, so marking all read is one row, whatever the feed's size.
/// </summary>
public sealed class NotificationFeed(NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <summary>Notifications kept per workspace; older ones are dropped as new ones arrive.</summary>
    public const int MaxPerWorkspace = 1000;

    public const int TitleMaxLength = 200;
    public const int MessageMaxLength = 2000;

    /// <summary>
    /// Writes <paramref name="delivery"/> into the feed of its workspace (read from its outbox row, with its webhook),
    /// unless it is there already or its webhook was deleted meanwhile, and trims the feed. True when a row was written.
    /// </summary>
    public async Task<bool> AddAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var alert = delivery.Event;
        await using var batch = dataSource.CreateBatch();
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO om_notifications (workspace_id, delivery_id, kind, title, message, incident_id, webhook_id, created_at)
            SELECT $2, $1, $3, $4, $5, $6, d.webhook_id, $7
            FROM (SELECT $1::uuid AS id) v LEFT JOIN om_alert_deliveries d ON d.id = v.id AND d.workspace_id = $2
            WHERE d.webhook_id IS NULL OR EXISTS (SELECT 1 FROM om_webhooks w WHERE w.id = d.webhook_id)
            ON CONFLICT (delivery_id) DO NOTHING
            """);
        insert.Parameters.Add(new NpgsqlParameter { Value = delivery.Id });
        insert.Parameters.Add(new NpgsqlParameter { Value = alert.WorkspaceId });
        insert.Parameters.Add(new NpgsqlParameter { Value = AlertWording.EventName(alert.Kind) });
        insert.Parameters.Add(new NpgsqlParameter { Value = StoredText.Clean(alert.Title, TitleMaxLength) });
        insert.Parameters.Add(new NpgsqlParameter { Value = StoredText.Clean(alert.Cause, MessageMaxLength) });
        insert.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = (object?)alert.IncidentId ?? DBNull.Value });
        insert.Parameters.Add(new NpgsqlParameter { Value = time.GetUtcNow() });
        var trim = new NpgsqlBatchCommand("""
            DELETE FROM om_notifications WHERE workspace_id = $1 AND id < (
                SELECT id FROM om_notifications WHERE workspace_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)
            """);
        trim.Parameters.Add(new NpgsqlParameter { Value = alert.WorkspaceId });
        trim.Parameters.Add(new NpgsqlParameter { Value = MaxPerWorkspace - 1 });
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(trim);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        return insert.RecordsAffected == 1;
    }

    /// <summary>A page of the feed, newest first, read as <paramref name="userId"/> sees it, with the totals.</summary>
    public async Task<NotificationPage> PageAsync(Guid workspaceId, Guid userId, int offset, int limit)
    {
        const string Mark = "(SELECT coalesce((SELECT read_up_to FROM om_notification_reads WHERE workspace_id = $1 AND user_id = $2), 0) AS up_to) m";
        await using var batch = dataSource.CreateBatch();
        var page = new NpgsqlBatchCommand($"""
            SELECT n.id, n.title, n.message, n.kind, n.id <= m.up_to, n.created_at, n.webhook_id, n.incident_id
            FROM om_notifications n, {Mark}
            WHERE n.workspace_id = $1 ORDER BY n.id DESC OFFSET $3 LIMIT $4
            """);
        page.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        page.Parameters.Add(new NpgsqlParameter { Value = userId });
        page.Parameters.Add(new NpgsqlParameter { Value = offset });
        page.Parameters.Add(new NpgsqlParameter { Value = limit });
        var counts = new NpgsqlBatchCommand($"SELECT count(*), count(*) FILTER (WHERE n.id > m.up_to) FROM om_notifications n, {Mark} WHERE n.workspace_id = $1");
        counts.Parameters.Add(new NpgsqlParameter { Value = workspaceId });
        counts.Parameters.Add(new NpgsqlParameter { Value = userId });
        batch.BatchCommands.Add(page);
        batch.BatchCommands.Add(counts);

        var entries = new List<NotificationEntry>();
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new NotificationEntry(
                reader.GetInt64(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetBoolean(4),
                reader.GetFieldValue<DateTimeOffset>(5),
                reader.IsDBNull(6) ? null : reader.GetGuid(6),
                reader.IsDBNull(7) ? null : reader.GetInt64(7)));
        }

        await reader.NextResultAsync();
        await reader.ReadAsync();
        return new NotificationPage(entries, reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>How many notifications <paramref name="userId"/> has not read.</summary>
    public async Task<long> UnreadCountAsync(Guid workspaceId, Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT count(*) FROM om_notifications
            WHERE workspace_id = $1 AND id > coalesce((SELECT read_up_to FROM om_notification_reads WHERE workspace_id = $1 AND user_id = $2), 0)
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Moves <paramref name="userId"/>'s watermark to the newest notification; answers how many were unread.</summary>
    public async Task<long> MarkAllReadAsync(Guid workspaceId, Guid userId)
    {
        await using var command = dataSource.CreateCommand("""
            WITH newest AS (SELECT coalesce(max(id), 0) AS id FROM om_notifications WHERE workspace_id = $1),
            before AS (SELECT coalesce((SELECT read_up_to FROM om_notification_reads WHERE workspace_id = $1 AND user_id = $2), 0) AS up_to),
            moved AS (
                INSERT INTO om_notification_reads (workspace_id, user_id, read_up_to) SELECT $1, $2, newest.id FROM newest
                ON CONFLICT (workspace_id, user_id) DO UPDATE SET read_up_to = greatest(om_notification_reads.read_up_to, excluded.read_up_to))
            SELECT count(*) FROM om_notifications n, before, newest
            WHERE n.workspace_id = $1 AND n.id > before.up_to AND n.id <= newest.id
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(userId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
