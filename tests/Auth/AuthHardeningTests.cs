using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Lunalytics;

namespace OrleansMonitor.Tests.Auth;

/// <summary>Failed-login throttling and refusal of cross-site cookie-authenticated changes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthHardeningTests(ClusterFixture fixture)
{
    private static readonly object Monitor = new { name = "Guarded", url = "http://127.0.0.1:9/", type = "http", interval = 600, retryInterval = 600, requestTimeout = 5 };

    [Fact]
    public async Task FiveFailedLoginsLockTheAccountBrieflyEvenForTheRightPassword()
    {
        var user = await fixture.NewUserAsync();
        var other = await fixture.NewUserAsync();
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        for (var i = 0; i < 5; i++)
        {
            await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password " + i }), HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email.ToUpperInvariant(), password = user.Password });
        await ApiAssert.ErrorAsync(locked, HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single()), 1, 15 * 60);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/login", new { email = other.Email, password = other.Password })).StatusCode);
    }

    [Fact]
    public async Task CookieChangesFromAnotherSiteAreRefused()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(Monitor);

        var foreignPost = new HttpRequestMessage(HttpMethod.Post, "/api/monitor/add") { Content = JsonContent.Create(Monitor) };
        foreignPost.Headers.Add("Origin", "https://evil.example");
        await ApiAssert.ErrorAsync(await user.Session.SendAsync(foreignPost), HttpStatusCode.Forbidden, "foreign_origin");

        var crossSiteGetDelete = new HttpRequestMessage(HttpMethod.Get, $"/api/monitor/delete?monitorId={id}");
        crossSiteGetDelete.Headers.Add("Sec-Fetch-Site", "cross-site");
        await ApiAssert.ErrorAsync(await user.Session.SendAsync(crossSiteGetDelete), HttpStatusCode.Forbidden, "foreign_origin");

        var foreignRead = new HttpRequestMessage(HttpMethod.Get, $"/api/monitor/id?monitorId={id}");
        foreignRead.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.OK, (await user.Session.SendAsync(foreignRead)).StatusCode);

        var sameSite = new HttpRequestMessage(HttpMethod.Post, "/api/monitor/add") { Content = JsonContent.Create(Monitor) };
        sameSite.Headers.Add("Origin", "http://localhost");
        Assert.Equal(HttpStatusCode.OK, (await user.Session.SendAsync(sameSite)).StatusCode);

        var token = user.WithAuthorization("Bearer " + await user.CreateTokenAsync());
        var tokenFromElsewhere = new HttpRequestMessage(HttpMethod.Post, "/api/monitor/add") { Content = JsonContent.Create(Monitor) };
        tokenFromElsewhere.Headers.Add("Origin", "https://dashboard.example");
        Assert.Equal(HttpStatusCode.OK, (await token.SendAsync(tokenFromElsewhere)).StatusCode);
        Assert.Equal("Guarded", (await user.MonitorAsync(id)).Name);
    }
}
