using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;
using OrleansMonitor.Tests.Health;
using OrleansMonitor.Tests.Lunalytics;

namespace OrleansMonitor.Tests.Identity;

/// <summary>Registration, login, sessions and API tokens (bearer and bare), their access levels and lifetimes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class AuthenticationTests(ClusterFixture fixture)
{
    private static readonly object Monitor = new { name = "Token made", url = "http://127.0.0.1:9/", type = "http", interval = 30, retryInterval = 30, requestTimeout = 30 };

    private HttpClient Anonymous() => fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    [Fact]
    public async Task RegisterSetsAnHttpOnlySessionCookie()
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/register", new { email = $"new-{Guid.NewGuid():N}@example.test", password = "long enough", name = "New" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("access_token=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        var password = await fixture.Monitoring.Database.ScalarAsync<string>("SELECT password_hash FROM om_users ORDER BY created_at DESC LIMIT 1");
        Assert.DoesNotContain("long enough", password);
    }

    [Fact]
    public async Task DuplicateEmailIs409WhateverTheCase()
    {
        var user = await fixture.NewUserAsync();

        var response = await Anonymous().PostAsJsonAsync("/api/auth/register", new { email = user.Email.ToUpperInvariant(), password = "another password", name = "Copy" });

        await ApiAssert.ErrorAsync(response, HttpStatusCode.Conflict, "email_taken");
    }

    [Theory]
    [InlineData("short@example.test", "1234567", "Shorty", "password")]
    [InlineData("not-an-email", "long enough", "Name", "email")]
    [InlineData("ok@example.test", "long enough", "", "name")]
    public async Task RegistrationRulesAre422(string email, string password, string name, string field)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/register", new { email, password, name });

        var body = await ApiAssert.ErrorAsync(response, HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.True(body.Errors!.ContainsKey(field));
    }

    [Fact]
    public async Task LoginWithRightPasswordWorksAndWrongIs401()
    {
        var user = await fixture.NewUserAsync();
        var client = fixture.Api.CreateClient();

        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "wrong password" }), HttpStatusCode.Unauthorized, "invalid_credentials");
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/auth/login", new { email = "nobody@example.test", password = "whatever1" }), HttpStatusCode.Unauthorized, "invalid_credentials");
        var ok = await client.PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/monitor/add", Monitor)).StatusCode);
    }

    [Fact]
    public async Task LogoutEndsTheSession()
    {
        var user = await fixture.NewUserAsync();
        var cookie = await SessionCookieAsync(user);
        var sameSession = Anonymous();
        sameSession.DefaultRequestHeaders.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.OK, (await sameSession.PostAsJsonAsync("/api/monitor/add", Monitor)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await sameSession.PostAsync("/api/auth/logout", null)).StatusCode);

        await ApiAssert.ErrorAsync(await sameSession.PostAsJsonAsync("/api/monitor/add", Monitor), HttpStatusCode.Unauthorized, "unauthorized");
    }

    private async Task<string> SessionCookieAsync(ApiUser user)
    {
        var response = await Anonymous().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = user.Password });
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("access_token=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    [Theory]
    [InlineData("POST", "/api/monitor/add")]
    [InlineData("POST", "/api/monitor/edit")]
    [InlineData("GET", "/api/monitor/delete?monitorId=4d048471-9e85-428b-8050-4238f6033478")]
    [InlineData("GET", "/api/monitor/status?monitorId=4d048471-9e85-428b-8050-4238f6033478")]
    [InlineData("GET", "/api/monitor/id?monitorId=4d048471-9e85-428b-8050-4238f6033478")]
    [InlineData("GET", "/api/user/api-tokens")]
    [InlineData("POST", "/api/user/api-tokens")]
    [InlineData("DELETE", "/api/user/api-tokens/4d048471-9e85-428b-8050-4238f6033478")]
    [InlineData("POST", "/api/auth/logout")]
    public async Task EveryProtectedRouteIs401WithoutCredentials(string method, string route)
    {
        var client = Anonymous();
        var request = new HttpRequestMessage(new HttpMethod(method), route) { Content = method == "GET" ? null : JsonContent.Create(Monitor) };
        await ApiAssert.ErrorAsync(await client.SendAsync(request), HttpStatusCode.Unauthorized, "unauthorized");

        var forged = Anonymous();
        forged.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer om_forged");
        forged.DefaultRequestHeaders.Add("Cookie", "access_token=forged");
        var again = new HttpRequestMessage(new HttpMethod(method), route) { Content = method == "GET" ? null : JsonContent.Create(Monitor) };
        await ApiAssert.ErrorAsync(await forged.SendAsync(again), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task BearerAndBareTokensAuthenticate()
    {
        var user = await fixture.NewUserAsync();
        var token = await user.CreateTokenAsync();

        foreach (var client in new[] { user.WithAuthorization("Bearer " + token), user.WithAuthorization(token) })
        {
            var added = await client.PostAsJsonAsync("/api/monitor/add", Monitor);
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            var id = (await added.ReadJsonAsync<MonitorAdded>()).MonitorId;
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/monitor/id?monitorId={id}")).StatusCode);
        }
    }

    [Fact]
    public async Task ReadOnlyTokenCanReadButEveryWriteIs403()
    {
        var user = await fixture.NewUserAsync();
        var id = await user.AddMonitorAsync(Monitor);
        var reader = user.WithAuthorization("Bearer " + await user.CreateTokenAsync("read_only"));

        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/monitor/id?monitorId={id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/monitor/status?monitorId={id}")).StatusCode);
        await ApiAssert.ErrorAsync(await reader.PostAsJsonAsync("/api/monitor/add", Monitor), HttpStatusCode.Forbidden, "read_only_token");
        await ApiAssert.ErrorAsync(await reader.PostAsJsonAsync("/api/monitor/edit", new { monitorId = id, name = "Changed" }), HttpStatusCode.Forbidden, "read_only_token");
        await ApiAssert.ErrorAsync(await reader.GetAsync($"/api/monitor/delete?monitorId={id}"), HttpStatusCode.Forbidden, "read_only_token");
        Assert.Equal("Token made", (await user.MonitorAsync(id)).Name);
    }

    [Fact]
    public async Task TokensCannotManageTokens()
    {
        var user = await fixture.NewUserAsync();
        var client = user.WithAuthorization("Bearer " + await user.CreateTokenAsync());

        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/user/api-tokens", new { label = "escalate", accessLevel = "read_write" }), HttpStatusCode.Forbidden, "session_required");
        await ApiAssert.ErrorAsync(await client.GetAsync("/api/user/api-tokens"), HttpStatusCode.Forbidden, "session_required");
    }

    [Fact]
    public async Task TokenListShowsNoSecretsAndStoresOnlyTheHash()
    {
        var user = await fixture.NewUserAsync();
        var token = await user.CreateTokenAsync("read_only", expiresInDays: 7);

        var listing = await user.Session.GetStringAsync("/api/user/api-tokens");

        Assert.DoesNotContain(token, listing);
        var entry = JsonSerializer.Deserialize<ApiTokenList>(listing, ApiJson.Options)!.Tokens[0];
        Assert.Equal("read_only", entry.AccessLevel);
        Assert.InRange(DateTimeOffset.Parse(entry.ExpiresAt!), DateTimeOffset.UtcNow.AddDays(6.9), DateTimeOffset.UtcNow.AddDays(7.1));
        var stored = await fixture.Monitoring.Database.ScalarAsync<byte[]>("SELECT secret_hash FROM om_api_tokens WHERE user_id = $1", user.UserId);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)), stored);
    }

    [Fact]
    public async Task InvalidTokenRequestsAre422()
    {
        var user = await fixture.NewUserAsync();

        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "x", accessLevel = "admin" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "", accessLevel = "read_only" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        await ApiAssert.ErrorAsync(await user.Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "x", expiresInDays = 0 }), HttpStatusCode.UnprocessableEntity, "validation_failed");
    }

    [Fact]
    public async Task RevokedTokenIs401AtOnce()
    {
        var user = await fixture.NewUserAsync();
        var token = await user.CreateTokenAsync();
        var client = user.WithAuthorization("Bearer " + token);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/monitor/add", Monitor)).StatusCode);
        var id = (await user.TokensAsync())[0].Id;

        Assert.Equal(HttpStatusCode.OK, (await user.Session.DeleteAsync($"/api/user/api-tokens/{id}")).StatusCode);

        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/monitor/add", Monitor), HttpStatusCode.Unauthorized, "unauthorized");
        await ApiAssert.ErrorAsync(await user.Session.DeleteAsync($"/api/user/api-tokens/{id}"), HttpStatusCode.NotFound, "token_not_found");
        Assert.Empty(await user.TokensAsync());
    }

    [Fact]
    public async Task ExpiredTokenIs401()
    {
        var user = await fixture.NewUserAsync();
        var token = await user.CreateTokenAsync(expiresInDays: 1);
        await fixture.Monitoring.Database.ExecuteAsync("UPDATE om_api_tokens SET expires_at = now() - interval '1 minute' WHERE user_id = $1", user.UserId);

        await ApiAssert.ErrorAsync(await user.WithAuthorization("Bearer " + token).GetAsync($"/api/monitor/id?monitorId={Guid.NewGuid()}"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task AnotherUsersTokenCannotBeRevoked()
    {
        var owner = await fixture.NewUserAsync();
        var stranger = await fixture.NewUserAsync();
        var token = await owner.CreateTokenAsync();
        var id = (await owner.TokensAsync())[0].Id;

        await ApiAssert.ErrorAsync(await stranger.Session.DeleteAsync($"/api/user/api-tokens/{id}"), HttpStatusCode.NotFound, "token_not_found");
        Assert.Equal(HttpStatusCode.OK, (await owner.WithAuthorization(token).PostAsJsonAsync("/api/monitor/add", Monitor)).StatusCode);
    }

    [Fact]
    public async Task HealthAnswersWithoutCredentials()
    {
        var response = await Anonymous().GetAsync("/api/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("up", (await response.ReadJsonAsync<HealthBody>()).Database);
    }
}
