using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Answer of the device routes that return the device: details, create, update, synthetic and dns-config.</summary>
public sealed record DeviceResponse(DeviceDetails Device) : SuccessResponse;
