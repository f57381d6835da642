namespace OrleansMonitor.Tests.Dashmon;

/// <summary>GET and PUT /api/alerts/email and /api/alerts/sms as a client reads them.</summary>
public sealed record DashmonAlertRule(bool Success, bool Enabled, IReadOnlyList<string> Recipients, IReadOnlyList<Guid> ProjectIds);

/// <summary>What a test-send answers.</summary>
public sealed record DashmonTestSend(bool Success, int Queued, IReadOnlyList<Guid> DeliveryIds);

/// <summary>GET /api/alerts/deliveries/:id as a client reads it.</summary>
public sealed record DashmonDelivery(
    bool Success, Guid Id, string Channel, string Destination, string Event, string Status, int Attempts, int? LastStatusCode, string? LastError);
