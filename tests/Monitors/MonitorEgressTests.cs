using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Lunalytics;

namespace OrleansMonitor.Tests.Monitors;

/// <summary>A monitor aimed at an address the egress policy denies (127.0.0.2 here) is refused when created or edited.</summary>
[Collection(FaultCollection.Name)]
public sealed class MonitorEgressTests(FaultClusterFixture fixture)
{
    private static object Monitor(string url) => new { name = "Metadata", url, type = "http", interval = 20, retryInterval = 20, requestTimeout = 5 };

    [Theory]
    [InlineData("http://" + FaultClusterFixture.DeniedAddress + ":8080/latest/meta-data/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    public async Task CreatingAMonitorOfADeniedAddressIs422OnUrl(string url)
    {
        var user = await fixture.NewUserAsync();

        var response = await user.Session.PostAsJsonAsync("/api/monitor/add", Monitor(url));

        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.StartsWith("Egress policy refuses", body.Errors!["url"], StringComparison.Ordinal);
        var projects = await user.Session.GetStringAsync("/api/projects");
        Assert.DoesNotContain("Metadata", projects, StringComparison.Ordinal); // in no field of any project
    }

    [Fact]
    public async Task EditingAMonitorOntoADeniedAddressIs422AndKeepsTheOldTarget()
    {
        var user = await fixture.NewUserAsync();
        var added = await user.Session.PostAsJsonAsync("/api/monitor/add", Monitor("http://127.0.0.1:9/"));
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var id = (await added.ReadJsonAsync<MonitorAdded>()).MonitorId;

        var edited = await user.Session.PostAsJsonAsync("/api/monitor/edit", new { monitorId = id, url = $"http://{FaultClusterFixture.DeniedAddress}/" });

        await ApiAssert.ErrorAsync(edited, HttpStatusCode.UnprocessableEntity, "validation_failed");
        var monitor = await user.Session.GetJsonAsync<LunalyticsMonitor>($"/api/monitor/id?monitorId={id}");
        Assert.Equal("http://127.0.0.1:9/", monitor.Url);
    }
}
