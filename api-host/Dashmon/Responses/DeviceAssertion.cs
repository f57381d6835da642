using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>
/// A synthetic assertion as written: <c>type</c>, then <c>path</c> (<see cref="JsonPathAssertion"/>) or
/// <c>target</c> (<see cref="TargetAssertion"/>), then <c>value</c>.
/// </summary>
[JsonConverter(typeof(RuntimeTypeConverter<DeviceAssertion>))]
public abstract record DeviceAssertion([property: JsonPropertyOrder(-1)] string Type);
