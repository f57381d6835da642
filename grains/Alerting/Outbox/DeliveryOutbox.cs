using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>
/// The durable outbox of alert deliveries in <c>om_alert_deliveries</c>: an alert is recorded before anything is sent,
/// and any silo claims due rows under a lease (<c>FOR UPDATE SKIP LOCKED</c>: several silos share the work without
/// taking the same row), records the result of each attempt, and claims again what a dead sender left once its lease
/// has passed. Delivery is at least once; the idempotency key, sent to receivers, lets them recognise a repeat.
/// <list type="bullet">
/// <item>Destination, event text and errors are cleaned and capped (<see cref="StoredText.Clean"/>) before storage; the
/// idempotency key and the secret are stored as given (changing them would change what they mean), so a NUL in them
/// is refused by PostgreSQL, and only that delivery is lost.</item>
/// <item>Results are fenced by the attempt: a sender whose lease passed and whose row another sender claimed again
/// records nothing.</item>
/// <item>Every query that concerns a workspace is scoped by it.</item>
/// </list>
/// </summary>
public sealed class DeliveryOutbox(NpgsqlDataSource dataSource, TimeProvider time, ILogger<DeliveryOutbox> logger)
{
    /// <summary>Longest destination kept (URL, address, number, member id).</summary>
    public const int DestinationMaxLength = 2048;

    /// <summary>Longest error kept.</summary>
    public const int ErrorMaxLength = 512;

    /// <summary>Longest title, name or cause kept in a stored event.</summary>
    public const int EventTextMaxLength = 512;

    /// <summary>Longest target or link kept in a stored event.</summary>
    public const int EventUrlMaxLength = 2048;

    private static readonly EventId RejectedEvent = new(1, "DeliveryRejected");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    private const string InsertSql = """
        INSERT INTO om_alert_deliveries
            (id, workspace_id, incident_id, webhook_id, channel, destination, secret, event, idempotency_key, status, attempts, not_before, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0, $10, $11)
        ON CONFLICT (idempotency_key) DO NOTHING
        """;

    /// <summary>
    /// A delivery <c>d</c> a caller who sees only the projects of parameter $3 (null: every project) may see: any not
    /// about an incident, and those about incidents of its projects.
    /// </summary>
    private const string InScope = """
        ($3::uuid[] IS NULL OR d.incident_id IS NULL OR EXISTS (
            SELECT 1 FROM om_incidents i JOIN om_monitors m ON m.monitor_id = i.monitor_id
            WHERE i.id = d.incident_id AND m.project_id = ANY ($3)))
        """;

    private const string RecordColumns =
        "id, channel, destination, (event->>'Kind')::int, status, attempts, last_status_code, last_error, last_latency_ms, created_at, completed_at";

    /// <summary>Records <paramref name="delivery"/>; true when recorded now, false when its idempotency key was there already.</summary>
    public async Task<bool> EnqueueAsync(NewDelivery delivery, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(InsertSql);
        AddInsertParameters(command.Parameters, delivery, time.GetUtcNow());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Records <paramref name="deliveries"/> in one transaction. When PostgreSQL refuses one for its content the batch is
    /// recorded one by one instead: the refused ones alone are left out (logged, their positions answered).
    /// </summary>
    public async Task<EnqueueManyResult> EnqueueManyAsync(IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        if (deliveries.Count == 0)
        {
            return new EnqueueManyResult(0, 0, []);
        }

        var now = time.GetUtcNow();
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var delivery in deliveries)
            {
                var command = new NpgsqlBatchCommand(InsertSql);
                AddInsertParameters(command.Parameters, delivery, now);
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
            var recorded = 0;
            foreach (var command in batch.BatchCommands)
            {
                recorded += command.RecordsAffected;
            }

            await transaction.CommitAsync(cancellationToken);
            return new EnqueueManyResult(recorded, deliveries.Count - recorded, []);
        }
        catch (Exception ex) when (HeartbeatWriteErrors.IsContent(ex))
        {
            // Which one is not said: record them one by one, each on its own.
        }

        int recordedOne = 0, already = 0;
        var rejected = new List<int>();
        for (var index = 0; index < deliveries.Count; index++)
        {
            try
            {
                if (await EnqueueAsync(deliveries[index], cancellationToken))
                {
                    recordedOne++;
                }
                else
                {
                    already++;
                }
            }
            catch (Exception ex) when (HeartbeatWriteErrors.IsContent(ex))
            {
                rejected.Add(index);
                logger.LogError(
                    RejectedEvent,
                    "Delivery {Position} of a batch of {Count} for workspace {WorkspaceId} over {Channel} was refused and is not recorded: {Error}",
                    index, deliveries.Count, deliveries[index].WorkspaceId, deliveries[index].Channel, HeartbeatWriteErrors.Describe(ex));
            }
        }

        return new EnqueueManyResult(recordedOne, already, rejected);
    }

    /// <summary>Claims up to <paramref name="max"/> due deliveries for <paramref name="lease"/>; see the other overload.</summary>
    public Task<IReadOnlyList<AlertDelivery>> ClaimDueAsync(int max, TimeSpan lease, CancellationToken cancellationToken = default) =>
        ClaimDueAsync(max, lease, int.MaxValue, new Dictionary<string, int>(), cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries, oldest due first, in one statement: pending rows whose due time
    /// has come and sending rows whose lease has passed, skipping rows another sender is claiming. Each becomes sending
    /// with a lease of <paramref name="lease"/> and one more attempt (answered as <see cref="AlertDelivery.Attempt"/>).
    /// At most <paramref name="perDestination"/> minus <paramref name="busy"/>[destination] are taken per destination, so
    /// a saturated destination's rows stay for later (no attempt counted) and others' are claimed.
    /// </summary>
    public async Task<IReadOnlyList<AlertDelivery>> ClaimDueAsync(
        int max, TimeSpan lease, int perDestination, IReadOnlyDictionary<string, int> busy, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        var now = time.GetUtcNow();
        var saturated = busy.Where(b => b.Value >= perDestination).Select(b => b.Key).ToArray();
        var partial = busy.Where(b => b.Value > 0 && b.Value < perDestination).ToArray();

        // Locked candidates that are not picked (over a destination's share) are unlocked when the statement commits.
        await using var command = dataSource.CreateCommand("""
            WITH candidates AS (
                SELECT id, destination, not_before FROM om_alert_deliveries
                WHERE status IN (0, 1) AND not_before <= $1 AND destination <> ALL($4)
                ORDER BY not_before
                LIMIT $5
                FOR UPDATE SKIP LOCKED),
            ranked AS (
                SELECT c.id, c.not_before, row_number() OVER (PARTITION BY c.destination ORDER BY c.not_before, c.id) AS n,
                       $6 - coalesce(b.busy, 0) AS free
                FROM candidates c LEFT JOIN unnest($7::text[], $8::int[]) AS b(destination, busy) ON b.destination = c.destination),
            picked AS (
                SELECT id FROM ranked WHERE n <= free ORDER BY not_before LIMIT $3)
            UPDATE om_alert_deliveries d
            SET status = 1, attempts = d.attempts + 1, lease_until = $2, not_before = $2
            FROM picked WHERE d.id = picked.id
            RETURNING d.id, d.channel, d.destination, d.secret, d.event, d.idempotency_key, d.attempts
            """);
        command.Parameters.AddWithValue(now);
        command.Parameters.AddWithValue(now + lease);
        command.Parameters.AddWithValue(max);
        command.Parameters.AddWithValue(saturated);
        command.Parameters.AddWithValue((int)Math.Min((long)max * 4, 4_096));
        command.Parameters.AddWithValue(perDestination);
        command.Parameters.AddWithValue(partial.Select(p => p.Key).ToArray());
        command.Parameters.AddWithValue(partial.Select(p => p.Value).ToArray());

        var claimed = new List<AlertDelivery>();
        var unreadable = new List<Guid>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var alert = ReadEvent(reader.GetString(4));
                if (alert is null)
                {
                    unreadable.Add(reader.GetGuid(0));
                    continue;
                }

                claimed.Add(new AlertDelivery(
                    reader.GetGuid(0),
                    (ChannelKind)reader.GetInt16(1),
                    reader.GetString(2),
                    reader.IsDBNull(3) ? null : reader.GetString(3),
                    alert,
                    reader.GetString(5),
                    reader.GetInt32(6)));
            }
        }

        if (unreadable.Count > 0)
        {
            await FailUnreadableAsync(unreadable, now, cancellationToken);
        }

        return claimed;
    }

    /// <summary>Records that <paramref name="delivery"/> was sent; false when its attempt no longer holds the row (lease passed and claimed again).</summary>
    public Task<bool> CompleteAsync(AlertDelivery delivery, ChannelResult result, CancellationToken cancellationToken = default) =>
        SettleAsync(delivery, result, DeliveryStatus.Sent, null, cancellationToken);

    /// <summary>Records a failed attempt of <paramref name="delivery"/> and makes it due again at <paramref name="next"/>.</summary>
    public Task<bool> RetryAsync(AlertDelivery delivery, ChannelResult result, DateTimeOffset next, CancellationToken cancellationToken = default) =>
        SettleAsync(delivery, result, DeliveryStatus.Pending, next, cancellationToken);

    /// <summary>Records that <paramref name="delivery"/> failed for good.</summary>
    public Task<bool> FailAsync(AlertDelivery delivery, ChannelResult result, CancellationToken cancellationToken = default) =>
        SettleAsync(delivery, result, DeliveryStatus.Failed, null, cancellationToken);

    /// <summary>
    /// Cancels the pending deliveries of an acknowledged incident (its escalation and reminders), due or not; those in
    /// flight finish. The notices of the acknowledgement and of the resolution themselves are kept, and so are the alerts
    /// of a flapping episode the incident began (they speak of the monitor, not of the incident). Answers how many.
    /// </summary>
    public async Task<int> CancelPendingForIncidentAsync(Guid workspaceId, long incidentId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_alert_deliveries SET status = 4, completed_at = $3, lease_until = NULL
            WHERE workspace_id = $1 AND incident_id = $2 AND status = 0 AND (event->>'Kind')::int NOT IN ($4, $5, $6, $7)
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(incidentId);
        command.Parameters.AddWithValue(time.GetUtcNow());
        command.Parameters.AddWithValue((int)AlertEventKind.Acknowledged);
        command.Parameters.AddWithValue((int)AlertEventKind.Resolved);
        command.Parameters.AddWithValue((int)AlertEventKind.Flapping);
        command.Parameters.AddWithValue((int)AlertEventKind.Stable);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Cancels the flapping alerts of episode <paramref name="episodeId"/> (the id of the incident that began it) still
    /// waiting for their escalation step when the episode ends. Answers how many.
    /// </summary>
    public async Task<int> CancelPendingFlappingAsync(Guid workspaceId, long episodeId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_alert_deliveries SET status = 4, completed_at = $3, lease_until = NULL
            WHERE workspace_id = $1 AND incident_id = $2 AND status = 0 AND (event->>'Kind')::int = $4
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(episodeId);
        command.Parameters.AddWithValue(time.GetUtcNow());
        command.Parameters.AddWithValue((int)AlertEventKind.Flapping);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Records <paramref name="deliveries"/> of incident <paramref name="incidentId"/> only while it is open and not
    /// acknowledged, in one transaction that holds the incident row (<c>FOR SHARE</c>): an acknowledgement or resolution
    /// written meanwhile waits for it and then cancels what it recorded, or came first and it records nothing. Answers
    /// how many were recorded now.
    /// </summary>
    public async Task<int> EnqueueWhileOpenAsync(long incidentId, IReadOnlyList<NewDelivery> deliveries, CancellationToken cancellationToken = default)
    {
        if (deliveries.Count == 0)
        {
            return 0;
        }

        var now = time.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = new NpgsqlCommand(
            "SELECT 1 FROM om_incidents WHERE id = $1 AND resolved_at IS NULL AND acknowledged_at IS NULL FOR SHARE", connection, transaction))
        {
            check.Parameters.AddWithValue(incidentId);
            if (await check.ExecuteScalarAsync(cancellationToken) is null)
            {
                return 0;
            }
        }

        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var delivery in deliveries)
        {
            var command = new NpgsqlBatchCommand(InsertSql);
            AddInsertParameters(command.Parameters, delivery, now);
            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        var recorded = 0;
        foreach (var command in batch.BatchCommands)
        {
            recorded += command.RecordsAffected;
        }

        await transaction.CommitAsync(cancellationToken);
        return recorded;
    }

    /// <summary>An incident's deliveries, oldest first.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ForIncidentAsync(Guid workspaceId, long incidentId, CancellationToken cancellationToken = default) =>
        RecordsAsync(
            $"SELECT {RecordColumns} FROM om_alert_deliveries WHERE workspace_id = $1 AND incident_id = $2 ORDER BY created_at, id LIMIT 1000",
            cancellationToken, workspaceId, incidentId);

    /// <summary>A webhook's latest deliveries, newest first.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ForWebhookAsync(Guid workspaceId, Guid webhookId, int limit, CancellationToken cancellationToken = default) =>
        RecordsAsync(
            $"SELECT {RecordColumns} FROM om_alert_deliveries WHERE workspace_id = $1 AND webhook_id = $2 ORDER BY created_at DESC, id DESC LIMIT $3",
            cancellationToken, workspaceId, webhookId, Math.Clamp(limit, 0, 1000));

    /// <summary>The workspace's deliveries recorded under <paramref name="keys"/>, those recorded before included (in no particular order).</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ForKeysAsync(Guid workspaceId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default) =>
        RecordsAsync(
            $"SELECT {RecordColumns} FROM om_alert_deliveries WHERE workspace_id = $1 AND idempotency_key = ANY ($2)",
            cancellationToken, workspaceId, keys.ToArray());

    /// <summary>
    /// One delivery of the workspace, or null. A caller who sees only <paramref name="projectScope"/> (null: every
    /// project) does not see one about an incident of another project.
    /// </summary>
    public async Task<DeliveryRecord?> OneAsync(Guid workspaceId, Guid deliveryId, IReadOnlyList<Guid>? projectScope, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {RecordColumns} FROM om_alert_deliveries d WHERE d.id = $1 AND d.workspace_id = $2 AND {InScope}");
        command.Parameters.AddWithValue(deliveryId);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, (object?)projectScope?.ToArray() ?? DBNull.Value);
        return (await ReadRecordsAsync(command, cancellationToken)).SingleOrDefault();
    }

    /// <summary>
    /// The workspace's deliveries recorded in the 24 hours before <paramref name="now"/> by status, and its newest
    /// <see cref="DeliveryActivity.RecentLimit"/>, as a caller who sees only <paramref name="projectScope"/> (null: every
    /// project) may see them.
    /// </summary>
    public async Task<DeliveryActivity> ActivityAsync(Guid workspaceId, IReadOnlyList<Guid>? projectScope, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var scope = (object?)projectScope?.ToArray() ?? DBNull.Value;
        DeliveryCounts counts;
        await using (var command = dataSource.CreateCommand($"""
            SELECT count(*) FILTER (WHERE d.status = 2), count(*) FILTER (WHERE d.status = 3),
                   count(*) FILTER (WHERE d.status IN (0, 1)), count(*) FILTER (WHERE d.status = 4)
            FROM om_alert_deliveries d WHERE d.workspace_id = $2 AND d.created_at >= $1 AND {InScope}
            """))
        {
            command.Parameters.AddWithValue(now.AddHours(-24));
            command.Parameters.AddWithValue(workspaceId);
            command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, scope);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            counts = new DeliveryCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        }

        await using var recent = dataSource.CreateCommand(
            $"SELECT {RecordColumns} FROM om_alert_deliveries d WHERE d.workspace_id = $2 AND {InScope} ORDER BY d.created_at DESC, d.id DESC LIMIT $1");
        recent.Parameters.AddWithValue(DeliveryActivity.RecentLimit);
        recent.Parameters.AddWithValue(workspaceId);
        recent.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, scope);
        return new DeliveryActivity(counts, [.. (await ReadRecordsAsync(recent, cancellationToken)).Select(r => r.ToInfo())]);
    }

    /// <summary><paramref name="alert"/> with every text cleaned and capped, as it is stored.</summary>
    public static AlertEvent CleanEvent(AlertEvent alert) => alert with
    {
        Title = StoredText.Clean(alert.Title, EventTextMaxLength),
        MonitorName = StoredText.Clean(alert.MonitorName, EventTextMaxLength),
        Target = StoredText.Clean(alert.Target, EventUrlMaxLength),
        Cause = StoredText.Clean(alert.Cause, EventTextMaxLength),
        DashboardUrl = alert.DashboardUrl is null ? null : StoredText.Clean(alert.DashboardUrl, EventUrlMaxLength),
        AcknowledgeUrl = alert.AcknowledgeUrl is null ? null : StoredText.Clean(alert.AcknowledgeUrl, EventUrlMaxLength),
    };

    private static void AddInsertParameters(NpgsqlParameterCollection parameters, NewDelivery delivery, DateTimeOffset now)
    {
        parameters.AddWithValue(Guid.CreateVersion7(now));
        parameters.AddWithValue(delivery.WorkspaceId);
        parameters.AddWithValue(NpgsqlDbType.Bigint, (object?)delivery.Event.IncidentId ?? DBNull.Value);
        parameters.AddWithValue(NpgsqlDbType.Uuid, (object?)delivery.WebhookId ?? DBNull.Value);
        parameters.AddWithValue((short)delivery.Channel);
        parameters.AddWithValue(StoredText.Clean(delivery.Destination, DestinationMaxLength));
        parameters.AddWithValue(NpgsqlDbType.Text, (object?)delivery.Secret ?? DBNull.Value);
        parameters.AddWithValue(NpgsqlDbType.Jsonb, JsonSerializer.Serialize(CleanEvent(delivery.Event), Json));
        parameters.AddWithValue(delivery.IdempotencyKey);
        parameters.AddWithValue(delivery.NotBefore);
        parameters.AddWithValue(now);
    }

    private static AlertEvent? ReadEvent(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<AlertEvent>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Fails claimed rows whose stored event this build cannot read, instead of claiming them again at every lease.</summary>
    private async Task FailUnreadableAsync(List<Guid> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        logger.LogError(RejectedEvent, "{Count} claimed deliveries hold an event this build cannot read; they are failed: {Ids}", ids.Count, string.Join(", ", ids));
        await using var command = dataSource.CreateCommand("""
            UPDATE om_alert_deliveries SET status = 3, lease_until = NULL, last_error = 'The stored event could not be read', completed_at = $2
            WHERE id = ANY($1) AND status = 1
            """);
        command.Parameters.AddWithValue(ids.ToArray());
        command.Parameters.AddWithValue(now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task<bool> SettleAsync(
        AlertDelivery delivery, ChannelResult result, DeliveryStatus status, DateTimeOffset? next, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var command = dataSource.CreateCommand("""
            UPDATE om_alert_deliveries
            SET status = $3, not_before = coalesce($4, not_before), lease_until = NULL,
                last_status_code = $5, last_error = $6, last_latency_ms = $7,
                completed_at = CASE WHEN $3 = 0 THEN NULL ELSE $8 END
            WHERE id = $1 AND attempts = $2 AND status = 1
            """);
        command.Parameters.AddWithValue(delivery.Id);
        command.Parameters.AddWithValue(delivery.Attempt);
        command.Parameters.AddWithValue((short)status);
        command.Parameters.AddWithValue(NpgsqlDbType.TimestampTz, (object?)next ?? DBNull.Value);
        command.Parameters.AddWithValue(NpgsqlDbType.Integer, (object?)result.StatusCode ?? DBNull.Value);
        command.Parameters.AddWithValue(
            NpgsqlDbType.Text, result.Error is null ? DBNull.Value : StoredText.Clean(result.Error, ErrorMaxLength));
        command.Parameters.AddWithValue(Math.Max(0, result.LatencyMs));
        command.Parameters.AddWithValue(now);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private async Task<IReadOnlyList<DeliveryRecord>> RecordsAsync(string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return await ReadRecordsAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<DeliveryRecord>> ReadRecordsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var records = new List<DeliveryRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new DeliveryRecord(
                reader.GetGuid(0),
                (ChannelKind)reader.GetInt16(1),
                reader.GetString(2),
                (AlertEventKind)reader.GetInt32(3),
                (DeliveryStatus)reader.GetInt16(4),
                reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetInt32(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetInt32(8),
                reader.GetFieldValue<DateTimeOffset>(9),
                reader.IsDBNull(10) ? null : reader.GetFieldValue<DateTimeOffset>(10)));
        }

        return records;
    }
}
