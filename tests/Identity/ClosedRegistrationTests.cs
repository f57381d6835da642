using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.GrainInterfaces.Identity;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Team;

namespace OrleansMonitor.Tests.Identity;

/// <summary>
/// <c>Identity:Registration = closed</c> on a fresh installation: its first user registers, everyone else only with a
/// pending invitation sent to their email, which they then accept as usual. The rule is the accounts grain's.
/// </summary>
public sealed class ClosedRegistrationTests : IAsyncLifetime
{
    private const string Password = "a long password";
    private readonly MonitoringCluster _cluster = new(settings: new Dictionary<string, string?> { ["Identity:Registration"] = "closed" });
    private ApiFactory _api = null!;

    public async Task InitializeAsync()
    {
        await _cluster.InitializeAsync();
        _api = new ApiFactory(_cluster.Client);
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _cluster.DisposeAsync();
    }

    private HttpClient Browser() => _api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string email, string? invitationToken = null) =>
        client.PostAsJsonAsync("/api/auth/register", new { email, password = Password, name = "Someone", invitationToken });

    [Fact]
    public async Task OnlyTheFirstUserAndInvitedPeopleRegister()
    {
        // Five strangers race to be first: exactly one is.
        var racers = Enumerable.Range(0, 5).Select(i => (Client: Browser(), Email: $"racer-{i}@example.test")).ToArray();
        var answers = await Task.WhenAll(racers.Select(r => RegisterAsync(r.Client, r.Email)));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        foreach (var refused in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
        {
            await ApiAssert.ErrorAsync(refused, HttpStatusCode.Forbidden, "registration_closed");
        }

        var first = racers[Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.Created)];
        var ownerId = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).ReadJsonAsync<SessionBody>()).User.Id;

        // A taken email is refused the same way: closed registration tells strangers nothing about accounts.
        await ApiAssert.ErrorAsync(await RegisterAsync(Browser(), first.Email), HttpStatusCode.Forbidden, "registration_closed");

        var invite = await first.Client.PostAsJsonAsync("/api/user/team-invitations", new { email = "dev@example.test", role = "editor" });
        Assert.Equal(HttpStatusCode.Created, invite.StatusCode);
        var token = (await invite.ReadJsonAsync<InvitationIssued>()).Token;

        await ApiAssert.ErrorAsync(await RegisterAsync(Browser(), "someone-else@example.test", token), HttpStatusCode.Forbidden, "registration_closed");
        await ApiAssert.ErrorAsync(await RegisterAsync(Browser(), "dev@example.test", "omi_not-a-real-token"), HttpStatusCode.Forbidden, "registration_closed");

        var dev = Browser();
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(dev, "DEV@example.test", token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dev.PostAsJsonAsync("/api/user/team-invitations/accept", new { token })).StatusCode);
        var switched = await dev.PostAsJsonAsync("/api/user/account-context", new { ownerUserId = ownerId });
        Assert.Equal("editor", (await switched.ReadJsonAsync<AccountContext>()).Role);

        // Used, expired or cancelled invitations open nothing.
        await ApiAssert.ErrorAsync(await RegisterAsync(Browser(), "dev2@example.test", token), HttpStatusCode.Forbidden, "registration_closed");
        var late = await first.Client.PostAsJsonAsync("/api/user/team-invitations", new { email = "late@example.test", role = "viewer" });
        var lateToken = (await late.ReadJsonAsync<InvitationIssued>()).Token;
        await _cluster.Database.ExecuteAsync("UPDATE om_invitations SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.test'");
        await ApiAssert.ErrorAsync(await RegisterAsync(Browser(), "late@example.test", lateToken), HttpStatusCode.Forbidden, "registration_closed");

        // The grain decides, not the API host.
        var direct = await _cluster.Client.GetGrain<IAccountsGrain>(0).RegisterAsync("direct@example.test", Password, "Direct", null);
        Assert.True(direct.RegistrationClosed);
        Assert.Null(direct.Session);
        Assert.Equal(2, await _cluster.Database.ScalarAsync<long>("SELECT count(*) FROM om_users"));
    }
}
