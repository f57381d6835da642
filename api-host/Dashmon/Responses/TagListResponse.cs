using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/tags</c>: the tags of the visible devices with their counts.</summary>
public sealed record TagListResponse(IReadOnlyList<TagUsage> Tags) : SuccessResponse;
