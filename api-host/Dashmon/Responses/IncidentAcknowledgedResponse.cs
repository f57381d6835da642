using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>The answer of <c>POST /api/incidents/:id/acknowledge</c>: who acknowledged first, when, and what it stopped.</summary>
public sealed record IncidentAcknowledgedResponse(
    long IncidentId,
    DateTimeOffset AcknowledgedAt,
    Guid AcknowledgedBy,
    [property: Description("True when someone had acknowledged it before (nothing changed).")] bool AlreadyAcknowledged,
    [property: Description("Escalation deliveries not yet sent that this acknowledgement cancelled.")] int CancelledDeliveries) : SuccessResponse;
