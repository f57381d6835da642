using System.ComponentModel;
using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Identity;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>POST /api/user/api-tokens</c>.</summary>
[JsonNumberHandling(JsonNumberHandling.Strict)]
public sealed record ApiTokenRequest
{
    [Description("A label for the token (1 to 100 characters).")]
    public required string Label { get; init; }

    [Description("read_only tokens get 403 read_only_token on writes; read_write by default.")]
    public TokenAccessLevel? AccessLevel { get; init; }

    [Description("Days until the token expires, 1 to 3650; never when left out.")]
    public int? ExpiresInDays { get; init; }
}
