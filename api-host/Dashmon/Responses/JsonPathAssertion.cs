namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A <c>json_path_equals</c> or <c>json_path_exists</c> assertion: its JSON path in <c>path</c>.</summary>
public sealed record JsonPathAssertion(string Type, string? Path, string? Value) : DeviceAssertion(Type);
