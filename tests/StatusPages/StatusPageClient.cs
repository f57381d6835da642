using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.StatusPages;

/// <summary>Helpers over the status page routes.</summary>
public static class StatusPageClient
{
    /// <summary>A slug no other test takes.</summary>
    public static string NewSlug(string prefix = "page") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(64, prefix.Length + 33)];

    /// <summary>Creates a page through the API (which must answer 201).</summary>
    public static async Task<StatusPageBody> CreateStatusPageAsync(this HttpClient client, object page)
    {
        var response = await client.PostAsJsonAsync("/api/status-pages", page);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create status page answered {(int)response.StatusCode}: {text}");
        return await response.ReadJsonAsync<StatusPageBody>();
    }

    public static Task<StatusPageBody> CreateStatusPageAsync(this ApiUser user, object page) => user.Session.CreateStatusPageAsync(page);

    /// <summary>A public page over <paramref name="projects"/> with a fresh slug.</summary>
    public static Task<StatusPageBody> CreatePublicPageAsync(this ApiUser user, params Guid[] projects) =>
        user.CreateStatusPageAsync(new { title = "Status", slug = NewSlug(), projectIds = projects, visibility = "public" });

    /// <summary>An anonymous client (no cookies, no credentials).</summary>
    public static HttpClient Anonymous(this ClusterFixture fixture) => fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

    /// <summary>GETs the share URL of <paramref name="slug"/>, with <paramref name="token"/> when given.</summary>
    public static Task<HttpResponseMessage> ReadPublicAsync(this HttpClient client, string slug, string? token = null, string? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/public/status-pages/{slug}" + (token is null ? "" : "?token=" + Uri.EscapeDataString(token)));
        if (ifNoneMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        }

        return client.SendAsync(request);
    }

    /// <summary>The public read of <paramref name="slug"/>, which must answer 200.</summary>
    public static async Task<PublicStatusPage> PublicPageAsync(this HttpClient client, string slug, string? token = null)
    {
        var response = await client.ReadPublicAsync(slug, token);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"public read of {slug} answered {(int)response.StatusCode}: {text}");
        return await response.ReadJsonAsync<PublicStatusPage>();
    }
}
