using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Tests.Alerting.Outbox;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Storage;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// The incident sweeper over a fresh real PostgreSQL with a fake clock and fixed answers for the project's settings and
/// the monitor's maintenance, so a test writes incidents as the monitor grain does, moves the clock, sweeps and reads
/// the outbox. <see cref="DeliverDueAsync"/> stands in for the sender (the end-to-end tests use the real one).
/// </summary>
public sealed class SweeperKit : IAsyncDisposable, IAlertSettingsSource
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);
    public const string Hook = "https://hooks.example.test/a";
    public const string Slack = "https://hooks.example.test/slack";

    private readonly DeliverySender _sender;

    private SweeperKit(TestDatabase db, ProjectAlertSettings settings)
    {
        Database = db;
        Settings = settings;
        var outbox = OutboxKit.NewOutbox(db.DataSource, Clock);
        _sender = OutboxKit.NewSender(db.DataSource, Clock, new RecordingChannel()); // never started: woken for nothing
        Links = new AcknowledgeLinks(new SigningKeys(db.DataSource), Options.Create(new AlertLinkOptions { PublicUrl = PublicUrl }), Clock);
        Sweeper = NewSweeper(outbox, _sender);
    }

    /// <summary>The public URL acknowledge links are built on.</summary>
    public const string PublicUrl = "https://monitor.example.test";

    public AcknowledgeLinks Links { get; }

    /// <summary>Another sweeper over the same database, clock and answers (another silo's), with its own outbox and sender.</summary>
    public IncidentAlertSweeper NewSweeper(DeliveryOutbox outbox, DeliverySender sender) =>
        new(Database.DataSource, outbox, sender, this, Links, Clock, new RecordingLogger<IncidentAlertSweeper>());

    public TestDatabase Database { get; }

    public FakeTimeProvider Clock { get; } = new(Start);

    public IncidentAlertSweeper Sweeper { get; }

    public Guid WorkspaceId { get; } = Guid.NewGuid();

    public Guid ProjectId { get; } = Guid.NewGuid();

    public Guid MonitorId { get; private set; } = Guid.NewGuid();

    public ProjectAlertSettings Settings { get; set; }

    public MaintenanceWindow? Maintenance { get; set; }

    /// <summary>The workspace's email and SMS rules (none unless a test sets them).</summary>
    public Dictionary<ChannelKind, WorkspaceAlertRule> Rules { get; } = [];

    /// <summary>Two steps: a webhook at once and Slack after 30 minutes.</summary>
    public static ProjectAlertSettings TwoSteps(int? stillDownEveryMinutes = null, FlappingRule? flapping = null) => new(
        "UTC",
        [new EscalationStep(0, ChannelKind.Webhook, Hook, "s", false), new EscalationStep(30, ChannelKind.Slack, Slack, null, false)],
        null,
        null,
        stillDownEveryMinutes,
        flapping ?? FlappingRule.Default);

    public static async Task<SweeperKit> StartAsync(string purpose, ProjectAlertSettings settings)
    {
        var kit = new SweeperKit(await TestDatabase.CreateAsync(purpose), settings);
        await kit.AddMonitorAsync();
        return kit;
    }

    /// <summary>Another monitor of the same project; later incidents are written for it.</summary>
    public async Task AddMonitorAsync()
    {
        MonitorId = Guid.NewGuid();
        await Database.ExecuteAsync(
            "INSERT INTO om_monitors (monitor_id, workspace_id, monitor_type, name, project_id) VALUES ($1, $2, 'http', 'API', $3)",
            MonitorId, WorkspaceId, ProjectId);
    }

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Moves the clock on and sweeps (once, or until nothing more is planned).</summary>
    public async Task<int> AdvanceAndSweepAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await SweepAsync();
    }

    public async Task<int> SweepAsync()
    {
        var total = 0;
        int planned;
        do
        {
            planned = await Sweeper.SweepAsync();
            total += planned;
        }
        while (planned >= IncidentAlertSweeper.Batch);

        return total;
    }

    /// <summary>The monitor goes down now (its incident write).</summary>
    public Task<long> DownAsync(string cause = "HTTP 503") =>
        Database.ScalarAsync<long>(
            "INSERT INTO om_incidents (monitor_id, workspace_id, started_at, cause) VALUES ($1, $2, $3, $4) RETURNING id",
            MonitorId, WorkspaceId, Now, cause);

    /// <summary>The monitor comes up now: its open incident resolves.</summary>
    public Task UpAsync() =>
        Database.ExecuteAsync("UPDATE om_incidents SET resolved_at = $2, resolution = 'Up again' WHERE monitor_id = $1 AND resolved_at IS NULL", MonitorId, Now);

    /// <summary>
    /// The monitor changes state <paramref name="changes"/> times a minute apart, down first; each change is swept and
    /// what comes due is sent.
    /// </summary>
    public async Task FlapAsync(int changes)
    {
        for (var change = 1; change <= changes; change++)
        {
            if (change % 2 == 1)
            {
                await DownAsync();
            }
            else
            {
                await UpAsync();
            }

            await SweepAsync();
            await DeliverDueAsync();
            Clock.Advance(TimeSpan.FromMinutes(1));
        }
    }

    public Task AcknowledgeAsync(long incident) =>
        Database.ExecuteAsync("UPDATE om_incidents SET acknowledged_at = $2 WHERE id = $1", incident, Now);

    /// <summary>What the sender would do now: every pending delivery that is due is sent.</summary>
    public Task DeliverDueAsync() =>
        Database.ExecuteAsync("UPDATE om_alert_deliveries SET status = 2, attempts = 1, completed_at = $2 WHERE workspace_id = $1 AND status = 0 AND not_before <= $2", WorkspaceId, Now);

    /// <summary>The workspace's deliveries, in the order they were recorded.</summary>
    public async Task<IReadOnlyList<PlannedDelivery>> DeliveriesAsync()
    {
        await using var command = Database.DataSource.CreateCommand("""
            SELECT idempotency_key, (event->>'Kind')::int, status, not_before, destination, incident_id, event->>'Title', event->>'Cause', event->>'AcknowledgeUrl', channel
            FROM om_alert_deliveries WHERE workspace_id = $1 ORDER BY created_at, idempotency_key
            """);
        command.Parameters.AddWithValue(WorkspaceId);
        var rows = new List<PlannedDelivery>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(new PlannedDelivery(
                reader.GetString(0),
                (AlertEventKind)reader.GetInt32(1),
                (DeliveryStatus)reader.GetInt16(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetString(4),
                reader.GetInt64(5),
                reader.GetString(6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8),
                (ChannelKind)reader.GetInt16(9)));
        }

        return rows;
    }

    public async Task<IReadOnlyList<PlannedDelivery>> DeliveriesAsync(AlertEventKind kind) => [.. (await DeliveriesAsync()).Where(d => d.Kind == kind)];

    Task<ProjectAlertSettings?> IAlertSettingsSource.SettingsAsync(Guid workspaceId, Guid projectId) =>
        Task.FromResult(workspaceId == WorkspaceId && projectId == ProjectId ? Settings : null);

    Task<MaintenanceWindow?> IAlertSettingsSource.MaintenanceAsync(Guid workspaceId, Guid monitorId) =>
        Task.FromResult(workspaceId == WorkspaceId ? Maintenance : null);

    Task<IReadOnlyDictionary<ChannelKind, WorkspaceAlertRule>> IAlertSettingsSource.RulesAsync(Guid workspaceId) =>
        Task.FromResult<IReadOnlyDictionary<ChannelKind, WorkspaceAlertRule>>(workspaceId == WorkspaceId ? Rules : []);

    public async ValueTask DisposeAsync()
    {
        await _sender.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>One outbox row as the sweeper tests read it.</summary>
public sealed record PlannedDelivery(
    string Key, AlertEventKind Kind, DeliveryStatus Status, DateTimeOffset NotBefore, string Destination, long IncidentId, string Title, string Cause,
    string? AcknowledgeUrl, ChannelKind Channel);
