using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Auth;

/// <summary>Registration attempts are counted per client address; over the limit they answer 429 with Retry-After.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RegistrationThrottleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EveryAttemptCountsAndTheFourthWithinTheHourIs429()
    {
        await using var api = new ApiFactory(fixture.Monitoring.Client, new Dictionary<string, string?> { ["RegistrationThrottle:AttemptsPerAddress"] = "3" });
        var client = api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        object Registration() => new { email = $"throttled-{Guid.NewGuid():N}@example.test", password = "a long password", name = "Throttled" };

        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/auth/register", Registration())).StatusCode);
        await ApiAssert.ErrorAsync(await client.PostAsJsonAsync("/api/auth/register", new { email = "not an email", password = "x", name = "" }), HttpStatusCode.UnprocessableEntity, "validation_failed");
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/auth/register", Registration())).StatusCode);

        var refused = await client.PostAsJsonAsync("/api/auth/register", Registration());

        await ApiAssert.ErrorAsync(refused, HttpStatusCode.TooManyRequests, "too_many_attempts");
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single()), 3590, 3600);
        Assert.Equal(HttpStatusCode.Created, (await fixture.Api.CreateClient().PostAsJsonAsync("/api/auth/register", Registration())).StatusCode);
    }
}
