using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>
/// A synthetic assertion as written: <c>type</c>, then <c>path</c> (<see cref="JsonPathAssertion"/>) or
/// <c>target</c> (<see cref="TargetAssertion"/>), then <c>value</c>.
/// </summary>
[JsonDerivedType(typeof(JsonPathAssertion))]
[JsonDerivedType(typeof(TargetAssertion))]
public abstract record DeviceAssertion([property: JsonPropertyOrder(-1)] string Type);
