using System.ComponentModel;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of <c>PUT /api/devices/:id/tags</c>: the device's tags now.</summary>
public sealed record DeviceTagsResponse(
    Guid DeviceId,
    [property: Description("The normalized tags applied.")] IReadOnlyList<string> Tags) : SuccessResponse;
