using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>GET /api/devices/:id/history</c>: the last <c>limit</c> samples, ascending.</summary>
public sealed record DeviceHistoryResponse(Guid DeviceId, int Limit, int MaxLimit, IReadOnlyList<HistorySample> Samples) : SuccessResponse;
