using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>A registered user of the API: a cookie-authenticated client and helpers to mint token clients.</summary>
public sealed class ApiUser
{
    private readonly ApiFactory _factory;

    private ApiUser(ApiFactory factory, HttpClient session, string email, string password, Guid userId)
    {
        _factory = factory;
        Session = session;
        Email = email;
        Password = password;
        UserId = userId;
    }

    /// <summary>Sends the session cookie (HttpOnly <c>access_token</c>).</summary>
    public HttpClient Session { get; }

    public string Email { get; }

    public string Password { get; }

    public Guid UserId { get; }

    public static async Task<ApiUser> RegisterAsync(ApiFactory factory)
    {
        var email = $"user-{Guid.NewGuid():N}@example.test";
        const string password = "correct horse battery";
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var response = await client.PostAsJsonAsync("/api/auth/register", new { email, password, name = "Test User" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync<SessionBody>();
        return new ApiUser(factory, client, email, password, Guid.Parse(body.User.Id));
    }

    /// <summary>Creates a token through the API and returns it raw.</summary>
    public async Task<string> CreateTokenAsync(string accessLevel = "read_write", int? expiresInDays = null)
    {
        var response = await Session.PostAsJsonAsync("/api/user/api-tokens", new { label = "test " + accessLevel, accessLevel, expiresInDays });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync<IssuedToken>()).Token;
    }

    /// <summary>A client without cookies that sends <paramref name="authorization"/> as the Authorization header.</summary>
    public HttpClient WithAuthorization(string authorization)
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);
        return client;
    }

    /// <summary>Adds a monitor through the Lunalytics API and returns its id.</summary>
    public async Task<Guid> AddMonitorAsync(object monitor)
    {
        var response = await Session.PostAsJsonAsync("/api/monitor/add", monitor);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"add monitor answered {(int)response.StatusCode}: {text}");
        return Guid.Parse((await response.ReadJsonAsync<MonitorAdded>()).MonitorId);
    }

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
