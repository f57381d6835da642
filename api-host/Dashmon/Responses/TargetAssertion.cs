namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>Any other assertion: <c>target</c> is the header of <c>header_equals</c>, null for the others.</summary>
public sealed record TargetAssertion(string Type, string? Target, string? Value) : DeviceAssertion(Type);
