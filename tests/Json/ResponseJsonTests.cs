using System.Text.Json;
using OrleansMonitor.ApiHost.Dashmon;
using OrleansMonitor.ApiHost.Identity.Responses;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.GrainInterfaces.Identity;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Tests.Json;

/// <summary>The formats every response body shares: timestamps, enum names, <c>success</c> first.</summary>
public sealed class ResponseJsonTests
{
    private static readonly DateTimeOffset InParis = new DateTimeOffset(2026, 11, 25, 10, 0, 0, 123, TimeSpan.FromHours(1)).AddTicks(4567);

    private static readonly JsonSerializerOptions Options = CreateOptions();

    [Fact]
    public void TimestampsAreUtcWithMillisecondsAsDeviceJsonWritesThem()
    {
        Assert.Equal("2026-11-25T09:00:00.123Z", IsoTimestampConverter.Format(InParis));
        Assert.Equal(DeviceJson.Iso(InParis), IsoTimestampConverter.Format(InParis));
        Assert.Null(IsoTimestampConverter.Format((DateTimeOffset?)null));
        Assert.Equal("""{"at":"2026-11-25T09:00:00.123Z","never":null}""", JsonSerializer.Serialize(new { at = InParis, never = (DateTimeOffset?)null }, Options));
    }

    [Fact]
    public void EnumsAreWrittenInLowerSnakeCase()
    {
        Assert.Equal("""["viewer","owner"]""", JsonSerializer.Serialize(new[] { WorkspaceRole.Viewer, WorkspaceRole.Owner }, Options));
        Assert.Equal("read_only", SnakeCaseEnumConverter.Name(AccessLevel.ReadOnly));
        Assert.Equal("heartbeat", SnakeCaseEnumConverter.Name(MonitorType.Heartbeat));
    }

    [Fact]
    public void SuccessComesFirstInEverySuccessBody()
    {
        Assert.Equal("""{"success":true}""", JsonSerializer.Serialize(new SuccessResponse(), Options));
        Assert.Equal("""{"success":true,"tokens":[]}""", JsonSerializer.Serialize(new ApiTokenListResponse([]), Options));
    }

    [Fact]
    public void SessionExpiryKeepsTheRoundTripFormatItWasWrittenInBefore()
    {
        var user = Guid.Parse("0b7e4a5c-3d2f-4e1a-9c8b-7a6d5e4f3c2b");
        var body = JsonSerializer.Serialize(new SessionResponse(new SessionUser(user, "ops@example.com", "Ops"), user, InParis), Options);

        Assert.Equal(
            """{"success":true,"user":{"id":"0b7e4a5c-3d2f-4e1a-9c8b-7a6d5e4f3c2b","email":"ops@example.com","name":"Ops"},"workspaceId":"0b7e4a5c-3d2f-4e1a-9c8b-7a6d5e4f3c2b","expiresAt":"2026-11-25T10:00:00.1234567+01:00"}""",
            body);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ResponseJson.Configure(options);
        return options;
    }
}
