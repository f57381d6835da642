namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>
/// A dialect-neutral change to a monitor's configuration: every member is "not given" when null, and a given one
/// replaces the current setting. The monitor grain lays it over the current configuration (or over its defaults, for a
/// new monitor), so whatever a dialect does not speak about is kept. Each API dialect only maps its field names here.
/// </summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.MonitorConfigPatch")]
public sealed record MonitorConfigPatch
{
    [Id(0)] public string? Name { get; init; }

    /// <summary>Required for a new monitor; a change of type drops the settings of the old type.</summary>
    [Id(1)] public MonitorType? Type { get; init; }

    /// <summary>The http URL, the tcp or ping host; for a dns monitor the name queried, unless <see cref="Dns"/> names one.</summary>
    [Id(2)] public string? Url { get; init; }
    [Id(3)] public int? Port { get; init; }
    [Id(4)] public string? Method { get; init; }

    /// <summary>Replaces all request headers (an empty map removes them).</summary>
    [Id(5)] public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The request body as JSON text; an empty text removes it.</summary>
    [Id(6)] public string? Body { get; init; }
    [Id(7)] public IReadOnlyList<string>? ValidStatusCodes { get; init; }

    /// <summary>Seconds between probes; for a heartbeat monitor the beat interval, unless <see cref="Heartbeat"/> names one.</summary>
    [Id(8)] public int? Interval { get; init; }
    [Id(9)] public int? RetryInterval { get; init; }
    [Id(10)] public int? RequestTimeout { get; init; }

    /// <summary>For dns monitors: the parts of the DNS settings given.</summary>
    [Id(11)] public DnsCheckPatch? Dns { get; init; }

    /// <summary>For heartbeat monitors: the parts of the heartbeat settings given, and whether to replace the receiver token.</summary>
    [Id(12)] public HeartbeatPatch? Heartbeat { get; init; }

    /// <summary>For http monitors: replaces the assertion list (an empty list removes every assertion).</summary>
    [Id(13)] public IReadOnlyList<SyntheticAssertion>? Assertions { get; init; }

    /// <summary>
    /// When given, the change is meant for a monitor of this kind only (the settings of one kind, or the kind a client
    /// sent back as it was shown): a monitor of another kind refuses it as <see cref="MonitorOutcome.WrongType"/>,
    /// before any other check, and a monitor of this kind takes it as if it were not given.
    /// </summary>
    [Id(14)] public MonitorType? OnlyForType { get; init; }

    /// <summary>
    /// The parent device: while it is down, this device's failures open no incident. <see cref="Guid.Empty"/> removes
    /// the parent. Not part of the configuration: the workspace's device index holds it (<see cref="Workspaces.ParentLink"/>).
    /// </summary>
    [Id(15)] public Guid? ParentId { get; init; }

    /// <summary>True when the change may be laid over a monitor of <paramref name="type"/> (see <see cref="OnlyForType"/>).</summary>
    public bool Fits(MonitorType type) => OnlyForType is null || OnlyForType == type;
}
