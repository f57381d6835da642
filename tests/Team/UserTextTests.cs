using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.GrainInterfaces.Identity;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Tests.Dashmon;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Team;

/// <summary>
/// The grains themselves refuse free text that has no place where it would be stored: control characters in one-line
/// fields (names), NUL and lone surrogates anywhere, with a field error (422) and nothing stored, also when a caller
/// reaches the grains without the API host's body check.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class UserTextTests(ClusterFixture fixture)
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task ControlCharactersInNamesAre422AndNothingIsStored()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.DefaultProjectAsync();
        var anonymous = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var badProject = await ApiAssert.ErrorAsync(await user.Session.PostAsync("/api/projects", Json("""{"name":"Pay\u0001ments"}""")), HttpStatusCode.UnprocessableEntity, "validation_failed");
        var badDevice = await ApiAssert.ErrorAsync(
            await user.Session.PostAsync($"/api/projects/{project}/devices", Json("""{"name":"Po\u001brt","type":"tcp","host":"127.0.0.1","port":9,"interval":600}""")),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        var badMonitor = await ApiAssert.ErrorAsync(
            await user.Session.PostAsync("/api/monitor/add", Json("""{"name":"Site\nTwo","url":"http://127.0.0.1:9/","type":"http","interval":600,"retryInterval":600,"requestTimeout":5}""")),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        var badUser = await ApiAssert.ErrorAsync(
            await anonymous.PostAsync("/api/auth/register", Json($$"""{"email":"bell-{{Guid.NewGuid():N}}@example.test","password":"a long password","name":"Ann\u0007"}""")),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");

        foreach (var body in new[] { badProject, badDevice, badMonitor, badUser })
        {
            Assert.Contains("control characters", body.Errors!["name"], StringComparison.Ordinal);
        }

        var projects = await user.ProjectsAsync();
        Assert.Equal("Default", Assert.Single(projects).Name);
        Assert.Empty(projects[0].Devices);
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_monitors WHERE workspace_id = $1", user.UserId));
        Assert.Equal(0, await fixture.Monitoring.Database.ScalarAsync<long>("SELECT count(*) FROM om_users WHERE email LIKE 'bell-%'"));
    }

    /// <remarks>
    /// Only NUL can reach a grain this way: Orleans carries strings as UTF-8, so a lone surrogate arrives as U+FFFD
    /// (the pure rules refuse lone surrogates too: see MonitorConfigRulesTests).
    /// </remarks>
    [Fact]
    public async Task GrainsRefuseNulEvenWithoutTheApi()
    {
        const char c = '\0';
        var workspace = fixture.Monitoring.Client.GetGrain<IWorkspaceGrain>(Guid.NewGuid());
        var owner = WorkspaceAccess.OwnerOf(workspace.GetPrimaryKey());
        Assert.True((await workspace.CreateProjectAsync(owner, $"Pay{c}ments", null)).Errors!.ContainsKey("name"));
        Assert.True((await workspace.CreateProjectAsync(owner, "Payments", $"line one{c}")).Errors!.ContainsKey("description"));
        var created = await workspace.CreateProjectAsync(owner, "Payments", "line one\nline two");
        Assert.NotNull(created.Project);
        Assert.True((await workspace.UpdateProjectAsync(owner, created.Project.Id, $"Pay{c}", null, false)).Errors!.ContainsKey("name"));
        Assert.Equal("Payments", (await workspace.ListProjectsAsync(owner)).Single(p => p.Id == created.Project.Id).Name);

        var accounts = fixture.Monitoring.Client.GetGrain<IAccountsGrain>(0);
        var email = $"grain-{Guid.NewGuid():N}@example.test";
        Assert.True((await accounts.RegisterAsync(email, "a long password", $"Na{c}me", null)).Errors!.ContainsKey("name"));
        Assert.True((await accounts.RegisterAsync($"grain{c}{email}", "a long password", "Name", null)).Errors!.ContainsKey("email"));
        Assert.Null(await accounts.LoginAsync(email, "a long password"));

        var monitorId = Guid.NewGuid();
        var monitor = fixture.Monitoring.Client.GetGrain<IMonitorGrain>(monitorId);
        var config = new MonitorConfig { Name = $"Po{c}rt", Type = MonitorType.Tcp, Url = "127.0.0.1", Port = 9, Interval = 600, RetryInterval = 600, RequestTimeout = 5 };
        Assert.True((await monitor.CreateAsync(WorkspaceAccess.OwnerOf(workspace.GetPrimaryKey()), "owner@example.test", config)).Errors!.ContainsKey("name"));
        Assert.DoesNotContain(monitorId, await workspace.DeviceIdsAsync());

        var surrogate = await workspace.CreateProjectAsync(owner, "Lone \ud800", null);
        Assert.Equal("Lone \uFFFD", surrogate.Project?.Name);
    }
}
