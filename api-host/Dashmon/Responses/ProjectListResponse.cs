using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/projects</c>: the projects the caller sees, each with its devices.</summary>
public sealed record ProjectListResponse(IReadOnlyList<ProjectSummary> Projects) : SuccessResponse;
