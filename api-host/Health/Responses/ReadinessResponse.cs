using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Health.Responses;

/// <summary>Answer of <c>GET /api/health</c> once the cluster answers: 200 with the database up, 503 (<c>success</c> false) without.</summary>
public sealed record ReadinessResponse(
    bool Success,
    [property: Description("ok, or degraded when the database is unreachable.")] string Status,
    string Cluster,
    string Database,
    [property: Description("Silos that answered.")] int Silos,
    [property: Description("Silos that did not answer in time.")] int SilosUnanswered,
    ProbeSlotsStatus Probes,
    HeartbeatBufferStatus HeartbeatBuffer);
