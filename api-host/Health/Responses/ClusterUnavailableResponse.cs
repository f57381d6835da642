namespace OrleansMonitor.ApiHost.Health.Responses;

/// <summary>Answer of <c>GET /api/health</c> (503) when the cluster does not answer: nothing is known of the database.</summary>
public sealed record ClusterUnavailableResponse(bool Success, string Status, string Cluster, string Database);
