namespace OrleansMonitor.ApiHost.Health.Responses;

/// <summary>Answer of <c>GET /health/live</c>: the process answers (<c>ok</c>).</summary>
public sealed record LivenessResponse(string Status);
