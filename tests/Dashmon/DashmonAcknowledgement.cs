namespace OrleansMonitor.Tests.Dashmon;

/// <summary>POST /api/incidents/:id/acknowledge as a client reads it.</summary>
public sealed record DashmonAcknowledgement(bool Success, long IncidentId, string AcknowledgedAt, string AcknowledgedBy, bool AlreadyAcknowledged, int CancelledDeliveries);
