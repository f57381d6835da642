using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>POST /api/projects</c> and <c>PUT /api/projects/:id</c>: the project.</summary>
public sealed record ProjectResponse(ProjectSummary Project) : SuccessResponse;
