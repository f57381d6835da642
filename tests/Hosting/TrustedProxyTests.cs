using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Hosting;

/// <summary>
/// Behind a TLS-terminating proxy: X-Forwarded-For and X-Forwarded-Proto count only from configured proxies. The
/// in-memory server has no TCP peer, so a test header (<c>X-Test-Peer</c>) sets the connection's remote address.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TrustedProxyTests(ClusterFixture fixture)
{
    private const string Proxy = "10.0.0.5";
    private const string ProxyInNetwork = "192.168.50.9";

    private ApiFactory Api(bool trustProxies)
    {
        var settings = new Dictionary<string, string?>
        {
            ["RegistrationThrottle:AttemptsPerAddress"] = "2",
            ["LoginThrottle:FailuresPerAddress"] = "2",
            ["LoginThrottle:FailuresPerAccount"] = "100",
        };
        if (trustProxies)
        {
            settings["ForwardedHeaders:KnownProxies:0"] = Proxy;
            settings["ForwardedHeaders:KnownNetworks:0"] = "192.168.50.0/24";
        }

        return new ApiFactory(fixture.Monitoring.Client, settings, services => services.AddSingleton<IStartupFilter, PeerAddressFilter>());
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string path, object body, string peer, string? forwardedFor, string? forwardedProto = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Test-Peer", peer);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        if (forwardedProto is not null)
        {
            request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        }

        return await client.SendAsync(request);
    }

    private static object Registration() => new { email = $"proxied-{Guid.NewGuid():N}@example.test", password = "a long password", name = "Proxied" };

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string peer, string? forwardedFor, string? forwardedProto = null) =>
        SendAsync(client, "/api/auth/register", Registration(), peer, forwardedFor, forwardedProto);

    private static bool SecureCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("access_token=", StringComparison.Ordinal))
            .Split(';').Any(part => part.Trim().Equals("secure", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task ATrustedProxyForwardsTheSchemeAndTheClientAddress()
    {
        await using var api = Api(trustProxies: true);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var https = await RegisterAsync(client, Proxy, "203.0.113.7", "https");
        Assert.Equal(HttpStatusCode.Created, https.StatusCode);
        Assert.True(SecureCookie(https));
        var plain = await RegisterAsync(client, ProxyInNetwork, "203.0.113.8", "http");
        Assert.Equal(HttpStatusCode.Created, plain.StatusCode);
        Assert.False(SecureCookie(plain));

        // Throttled per forwarded client, not per proxy: 203.0.113.7 reaches its limit, others go on.
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, ProxyInNetwork, "203.0.113.7")).StatusCode);
        await ApiAssert.ErrorAsync(await RegisterAsync(client, Proxy, "203.0.113.7"), HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, Proxy, "203.0.113.9")).StatusCode);

        var user = await fixture.NewUserAsync();
        object WrongLogin() => new { email = user.Email, password = "wrong password" };
        for (var i = 0; i < 2; i++)
        {
            await ApiAssert.ErrorAsync(await SendAsync(client, "/api/auth/login", WrongLogin(), Proxy, "198.51.100.1"), HttpStatusCode.Unauthorized, "invalid_credentials");
        }

        await ApiAssert.ErrorAsync(await SendAsync(client, "/api/auth/login", WrongLogin(), Proxy, "198.51.100.1"), HttpStatusCode.TooManyRequests, "too_many_attempts");
        await ApiAssert.ErrorAsync(await SendAsync(client, "/api/auth/login", WrongLogin(), Proxy, "198.51.100.2"), HttpStatusCode.Unauthorized, "invalid_credentials");
        var login = await SendAsync(client, "/api/auth/login", new { email = user.Email, password = user.Password }, Proxy, "198.51.100.3", "https");
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.True(SecureCookie(login));
    }

    [Theory]
    [InlineData(true, "192.0.2.44")]
    [InlineData(false, Proxy)]
    [InlineData(false, "127.0.0.1")]
    public async Task ForwardedHeadersFromAnyoneElseAreIgnored(bool trustProxies, string peer)
    {
        await using var api = Api(trustProxies);
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var first = await RegisterAsync(client, peer, "203.0.113.20", "https");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.False(SecureCookie(first));
        Assert.Equal(HttpStatusCode.Created, (await RegisterAsync(client, peer, "203.0.113.21", "https")).StatusCode);

        // Every attempt counts against the peer, whatever client it claims to forward for.
        await ApiAssert.ErrorAsync(await RegisterAsync(client, peer, "203.0.113.22", "https"), HttpStatusCode.TooManyRequests, "too_many_attempts");
    }

    [Theory]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/99")]
    public async Task AnInvalidProxySettingStopsTheHostAtStartUp(string key, string value)
    {
        await using var api = new ApiFactory(fixture.Monitoring.Client, new Dictionary<string, string?> { [key] = value });

        var error = Assert.ThrowsAny<Exception>(() => api.Server);
        Assert.Contains(key.Split(':')[1] + " holds '" + value + "'", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>Plays the TCP peer the in-memory server does not have.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue("X-Test-Peer", out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
