using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/user/preferences/timezone</c>.</summary>
public sealed record TimeZoneRequest
{
    [Description("An IANA zone name such as Europe/Paris or UTC; reports use it.")]
    public required string Timezone { get; init; }
}
