using System.ComponentModel;
using System.Text.Json.Nodes;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>One synthetic assertion.</summary>
public sealed record SyntheticAssertion
{
    public required AssertionType Type { get; init; }

    [Description("What the assertion looks at: a JSON path ($.status) or a header name.")]
    public string? Target { get; init; }

    [Description("The expected value: a string, number or boolean.")]
    public JsonNode? Value { get; init; }
}
