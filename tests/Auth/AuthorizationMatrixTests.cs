using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Dashmon;
using static OrleansMonitor.Tests.Auth.RouteCatalog;

namespace OrleansMonitor.Tests.Auth;

/// <summary>
/// Every authenticated /api route against every kind of caller, with the exact status code each must get. The
/// resources all belong to one owner's workspace; a caller from another workspace must never reach them.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthorizationMatrixTests(ClusterFixture fixture)
{
    private static int Expected(Route route, Caller caller, HashSet<Caller> refreshed)
    {
        if (route.Need == Need.Public)
        {
            return route.Ok;
        }

        var isToken = caller is Caller.ReadOnlyToken or Caller.ReadWriteToken;
        var sessionOnly = route.Need is Need.Session or Need.SessionManage;
        var changes = route.Need is Need.Write or Need.Manage or Need.SessionManage;
        var role = caller switch
        {
            Caller.Viewer => 0,
            Caller.Editor or Caller.Scoped => 1,
            Caller.Admin => 2,
            _ => 3,
        };
        if (caller is Caller.Anonymous or Caller.ExpiredToken or Caller.FreeWorkspaceToken)
        {
            return 401;
        }

        if (sessionOnly && isToken)
        {
            return 403;
        }

        if (changes && caller == Caller.ReadOnlyToken)
        {
            return 403;
        }

        if (route.Need == Need.Write && role < 1 || route.Need is Need.Manage or Need.SessionManage && role < 2)
        {
            return 403;
        }

        if (route.Path == "/api/user/account-context")
        {
            return caller == Caller.Outsider ? 403 : 200;
        }

        if (route.OwnerResource && caller is Caller.Outsider or Caller.Scoped)
        {
            return 404;
        }

        if (route.Creates && caller == Caller.Scoped)
        {
            return 403;
        }

        if (route.Path == "/api/devices/refresh-all")
        {
            // Once per minute per workspace: the first caller of each workspace gets 202, the rest 429.
            var workspace = caller == Caller.Outsider ? Caller.Outsider : Caller.Owner;
            return refreshed.Add(workspace) ? 202 : 429;
        }

        return route.Ok;
    }

    [Fact]
    public async Task EveryRouteAnswersEveryCallerWithTheExactStatus()
    {
        var world = await RouteCatalog.BuildAsync(fixture);
        var refreshed = new HashSet<Caller>();
        var mismatches = new List<string>();
        var checkedCount = 0;
        foreach (var route in RouteCatalog.Routes(world))
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var path = route.Path;
                foreach (var placeholder in new[] { "{fresh-project}", "{fresh-device}" })
                {
                    if (path.Contains(placeholder, StringComparison.Ordinal))
                    {
                        path = path.Replace(placeholder, await RouteCatalog.FreshAsync(world, placeholder), StringComparison.Ordinal);
                    }
                }

                var request = new HttpRequestMessage(new HttpMethod(route.Method), path);
                if (route.Body is not null)
                {
                    request.Content = JsonContent.Create(route.Body);
                }

                var expected = Expected(route, caller, refreshed);
                var response = await world.Clients[caller].SendAsync(request);
                checkedCount++;
                if ((int)response.StatusCode != expected)
                {
                    mismatches.Add($"{route.Method} {route.Path} as {caller}: expected {expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {checkedCount} checks differ:\n" + string.Join("\n", mismatches));
        Assert.True(checkedCount > 600);

        // Nothing of the owner's was changed by the callers that had no right to: the device kept its name and project.
        var owner = fixture.Api.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/auth/login", new { email = world.Owner.Email, password = world.Owner.Password })).StatusCode);
        var device = (await owner.GetJsonAsync<DashmonDeviceBody>($"/api/projects/{world.Project}/devices/{world.Device}")).Device;
        Assert.Equal("Port", device.Name);
        Assert.Equal(world.Project.ToString(), device.ProjectId);
    }
}
