using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Identity;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>
/// The Monoduty webhooks in <c>om_webhooks</c> and their calls in <c>om_webhook_calls</c>. Every query that concerns a
/// workspace is scoped by it; the inbound token is looked up by its SHA-256 only. Statistics are counted in SQL from
/// the calls and the outbox rows each call made, found by their idempotency keys (<see cref="CallKey"/>: one unique-index
/// lookup per call and channel, whatever the webhook's history).
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource dataSource)
{
    /// <summary>Webhooks per workspace at most.</summary>
    public const int MaxPerWorkspace = 100;

    /// <summary>Longest inbound title, message and severity kept.</summary>
    public const int TitleMaxLength = 200;
    public const int MessageMaxLength = 2000;
    public const int SeverityMaxLength = 32;

    public const string TokenPrefix = "mdt_";

    private const short Active = 0;

    private const string Columns =
        "w.id, w.name, w.alias, w.description, w.status, w.notification_types, w.target_email, w.target_sms, w.target_call, w.token, w.created_at";

    /// <summary>The channels a call's deliveries go over: the last part of their idempotency keys.</summary>
    private static readonly string[] CallChannels = [.. new[] { ChannelKind.Email, ChannelKind.Sms, ChannelKind.Voice, ChannelKind.InApp }.Select(ChannelNames.Of)];

    /// <summary>The prefix of the idempotency keys of a call's deliveries: the key is the prefix and the channel's name.</summary>
    public static string CallKeyPrefix(Guid callId) => $"webhook-call:{callId:N}:";

    /// <summary>The idempotency key of a call's delivery over <paramref name="channel"/> (the statistics look each one up by it).</summary>
    public static string CallKey(Guid callId, ChannelKind channel) => CallKeyPrefix(callId) + ChannelNames.Of(channel);

    /// <summary>
    /// Stores <paramref name="webhook"/> (already checked by <see cref="WebhookRules"/>) with a fresh token and an alias
    /// unique in the workspace; null when the workspace has <see cref="MaxPerWorkspace"/> already. One transaction under
    /// a lock per workspace, so concurrent creates neither pass the limit nor take the same alias.
    /// </summary>
    public async Task<WebhookInfo?> CreateAsync(Guid workspaceId, NewWebhook webhook, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended('om_webhooks:' || $1::text, 0))", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue(workspaceId);
            await lockCommand.ExecuteNonQueryAsync();
        }

        var slug = WebhookRules.Slug(webhook.Name);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        long count;
        await using (var existing = new NpgsqlCommand("SELECT alias FROM om_webhooks WHERE workspace_id = $1", connection, transaction))
        {
            existing.Parameters.AddWithValue(workspaceId);
            await using var reader = await existing.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                taken.Add(reader.GetString(0));
            }

            count = taken.Count;
        }

        if (count >= MaxPerWorkspace)
        {
            return null;
        }

        var id = Guid.CreateVersion7(now);
        var alias = WebhookRules.UniqueAlias(slug, taken);
        var token = SecretToken.New(TokenPrefix);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO om_webhooks (id, workspace_id, name, alias, description, status, notification_types, target_email, target_sms, target_call, token, token_hash, created_at)
            VALUES ($1, $2, $3, $4, $5, 0, $6, $7, $8, $9, $10, $11, $12)
            """, connection, transaction))
        {
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(workspaceId);
            insert.Parameters.AddWithValue(webhook.Name);
            insert.Parameters.AddWithValue(alias);
            insert.Parameters.AddWithValue(webhook.Description ?? string.Empty);
            insert.Parameters.AddWithValue(webhook.NotificationTypes.Select(t => (short)t).ToArray());
            insert.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)webhook.Targets.Email ?? DBNull.Value);
            insert.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)webhook.Targets.Sms ?? DBNull.Value);
            insert.Parameters.AddWithValue(NpgsqlDbType.Text, (object?)webhook.Targets.Call ?? DBNull.Value);
            insert.Parameters.AddWithValue(token);
            insert.Parameters.AddWithValue(SecretToken.Hash(token));
            insert.Parameters.AddWithValue(now);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return new WebhookInfo(
            id, webhook.Name, alias, webhook.Description ?? string.Empty, true, webhook.NotificationTypes, webhook.Targets, token,
            now, WebhookStatistics.Zero);
    }

    /// <summary>The workspace's webhooks, oldest first, with their statistics.</summary>
    public async Task<IReadOnlyList<WebhookInfo>> ListAsync(Guid workspaceId)
    {
        var webhooks = await ReadAsync($"SELECT {Columns} FROM om_webhooks w WHERE w.workspace_id = $1 ORDER BY w.created_at, w.id", workspaceId);
        return await WithStatisticsAsync(workspaceId, webhooks);
    }

    /// <summary>One webhook of the workspace with its statistics, or null.</summary>
    public async Task<WebhookInfo?> GetAsync(Guid workspaceId, Guid webhookId)
    {
        var webhooks = await ReadAsync($"SELECT {Columns} FROM om_webhooks w WHERE w.workspace_id = $1 AND w.id = $2", workspaceId, webhookId);
        return (await WithStatisticsAsync(workspaceId, webhooks)).SingleOrDefault();
    }

    /// <summary>The active webhook and its workspace for an inbound <paramref name="token"/>, or null.</summary>
    public async Task<(Guid WorkspaceId, WebhookInfo Webhook)?> FindActiveAsync(string token)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns}, w.workspace_id FROM om_webhooks w WHERE w.token_hash = $1 AND w.status = $2");
        command.Parameters.AddWithValue(SecretToken.Hash(token));
        command.Parameters.AddWithValue(Active);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? (reader.GetGuid(11), Read(reader)) : null;
    }

    /// <summary>
    /// Deletes the webhook with its calls (cascade) and notifications, and cancels its deliveries not yet sent (the rows
    /// stay in the outbox's history; nothing in the API reaches them any more). False when the workspace has no such webhook.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid workspaceId, Guid webhookId, DateTimeOffset now)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("DELETE FROM om_webhooks WHERE workspace_id = $1 AND id = $2") { Parameters = { new() { Value = workspaceId }, new() { Value = webhookId } } },
                new NpgsqlBatchCommand("DELETE FROM om_notifications WHERE workspace_id = $1 AND webhook_id = $2") { Parameters = { new() { Value = workspaceId }, new() { Value = webhookId } } },
                new NpgsqlBatchCommand("""
                    UPDATE om_alert_deliveries SET status = 4, completed_at = $3, lease_until = NULL
                    WHERE workspace_id = $1 AND webhook_id = $2 AND status = 0
                    """) { Parameters = { new() { Value = workspaceId }, new() { Value = webhookId }, new() { Value = now } } },
            },
        };
        await batch.ExecuteNonQueryAsync();
        var deleted = batch.BatchCommands[0].RecordsAffected == 1;
        await transaction.CommitAsync();
        return deleted;
    }

    /// <summary>Records one call of <paramref name="webhookId"/>; the texts are cleaned and capped here.</summary>
    public async Task<Guid> RecordCallAsync(
        Guid workspaceId, Guid webhookId, AlertEventKind kind, string title, string message, string severity, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_webhook_calls (id, webhook_id, workspace_id, kind, title, message, severity, created_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            """);
        command.Parameters.AddWithValue(id);
        command.Parameters.AddWithValue(webhookId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue((short)kind);
        command.Parameters.AddWithValue(StoredText.Clean(title, TitleMaxLength));
        command.Parameters.AddWithValue(StoredText.Clean(message, MessageMaxLength));
        command.Parameters.AddWithValue(StoredText.Clean(severity, SeverityMaxLength));
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>
    /// Per webhook: its calls; those with at least one delivery, all sent; those with a delivery failed for good. A call
    /// whose deliveries are pending or in flight (and none failed) counts in the total only.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, WebhookStatistics>> StatisticsAsync(Guid workspaceId, IReadOnlyCollection<Guid> webhookIds)
    {
        var stats = webhookIds.Distinct().ToDictionary(id => id, _ => WebhookStatistics.Zero);
        if (stats.Count == 0)
        {
            return stats;
        }

        await using var command = dataSource.CreateCommand("""
            WITH per_call AS (
                SELECT c.webhook_id,
                       count(d.id) AS deliveries,
                       count(d.id) FILTER (WHERE d.status = 2) AS sent,
                       count(d.id) FILTER (WHERE d.status = 3) AS failed
                FROM om_webhook_calls c
                CROSS JOIN unnest($3::text[]) AS channel(name)
                LEFT JOIN om_alert_deliveries d
                    ON d.idempotency_key = 'webhook-call:' || replace(c.id::text, '-', '') || ':' || channel.name
                   AND d.workspace_id = c.workspace_id AND d.webhook_id = c.webhook_id
                WHERE c.workspace_id = $1 AND c.webhook_id = ANY($2)
                GROUP BY c.webhook_id, c.id)
            SELECT webhook_id, count(*),
                   count(*) FILTER (WHERE deliveries > 0 AND sent = deliveries),
                   count(*) FILTER (WHERE failed > 0)
            FROM per_call GROUP BY webhook_id
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(stats.Keys.ToArray());
        command.Parameters.AddWithValue(CallChannels);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            stats[reader.GetGuid(0)] = new WebhookStatistics(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        return stats;
    }

    private async Task<IReadOnlyList<WebhookInfo>> WithStatisticsAsync(Guid workspaceId, IReadOnlyList<WebhookInfo> webhooks)
    {
        if (webhooks.Count == 0)
        {
            return webhooks;
        }

        var stats = await StatisticsAsync(workspaceId, [.. webhooks.Select(w => w.Id)]);
        return [.. webhooks.Select(w => w with { Statistics = stats[w.Id] })];
    }

    private async Task<IReadOnlyList<WebhookInfo>> ReadAsync(string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        var webhooks = new List<WebhookInfo>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            webhooks.Add(Read(reader));
        }

        return webhooks;
    }

    private static WebhookInfo Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetInt16(4) == Active,
        [.. reader.GetFieldValue<short[]>(5).Select(t => (NotificationType)t)],
        new WebhookTargets(
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            reader.IsDBNull(8) ? null : reader.GetString(8)),
        reader.GetString(9),
        reader.GetFieldValue<DateTimeOffset>(10),
        WebhookStatistics.Zero);
}
