using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Errors;

/// <summary>Every /api failure, including routing failures, answers with the one JSON error envelope.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ErrorEnvelopeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task UnknownApiRouteIs404Envelope()
    {
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        await ApiAssert.ErrorAsync(await client.GetAsync("/api/does-not-exist"), HttpStatusCode.NotFound, "route_not_found");
    }

    [Fact]
    public async Task WrongMethodIs405Envelope()
    {
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        await ApiAssert.ErrorAsync(await client.DeleteAsync("/api/monitor/add"), HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Theory]
    [InlineData("/api/auth/login", "{\"email\": [1], \"password\": {}}", HttpStatusCode.BadRequest, "invalid_request")]
    [InlineData("/api/auth/login", "{{{{", HttpStatusCode.BadRequest, "invalid_json")]
    [InlineData("/api/auth/register", "{\"email\": 5, \"password\": true, \"name\": null}", HttpStatusCode.UnprocessableEntity, "validation_failed")]
    [InlineData("/api/auth/register", "nul", HttpStatusCode.BadRequest, "invalid_json")]
    public async Task MalformedIdentityBodiesAre4xx(string route, string json, HttpStatusCode status, string code)
    {
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        await ApiAssert.ErrorAsync(await client.PostAsync(route, new StringContent(json, Encoding.UTF8, "application/json")), status, code);
    }

    [Fact]
    public async Task DeeplyNestedJsonIs400NotA500()
    {
        var user = await fixture.NewUserAsync();
        var json = "{\"name\":" + new string('[', 200) + new string(']', 200) + "}";

        await ApiAssert.ErrorAsync(await user.Session.PostAsync("/api/monitor/add", new StringContent(json, Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest, "invalid_json");
    }
}
