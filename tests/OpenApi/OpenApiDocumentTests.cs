using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using OrleansMonitor.ApiHost.Auth;
using OrleansMonitor.ApiHost.OpenApi;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.OpenApi;

/// <summary>
/// <c>/openapi/v1.json</c> from the real host is a valid OpenAPI 3.1 document that describes exactly the routes the host
/// maps, with the three auth schemes on the routes that need a caller and the one error envelope on error answers.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class OpenApiDocumentTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DocumentIsValidOpenApi31ServedAnonymously()
    {
        var (document, diagnostic) = await ReadDocumentAsync();

        Assert.True(diagnostic.Errors.Count == 0, "reader errors: " + string.Join("; ", diagnostic.Errors.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.True(diagnostic.Warnings.Count == 0, "reader warnings: " + string.Join("; ", diagnostic.Warnings.Select(e => $"{e.Pointer}: {e.Message}")));
        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, diagnostic.SpecificationVersion);
        Assert.Equal("OrleansMonitor API", document.Info.Title);
    }

    [Fact]
    public async Task DocumentDescribesEveryMappedRouteAndNoOther()
    {
        var (document, _) = await ReadDocumentAsync();
        var documented = document.Paths
            .SelectMany(path => (path.Value.Operations ?? []).Keys.Select(method => Route(method.Method, RoutePatternFactory.Parse(path.Key))))
            .ToHashSet();
        var mapped = ApiEndpoints().Select(e => Route(e.Method, e.Endpoint.RoutePattern)).ToHashSet();

        Assert.Contains("GET /api/projects/{projectId}/devices/{deviceId}", mapped);
        Assert.True(mapped.Count >= 50, $"only {mapped.Count} routes found in the host's endpoint data source");
        Assert.True(!mapped.Except(documented).Any(), "mapped but not documented: " + string.Join(", ", mapped.Except(documented).Order()));
        Assert.True(!documented.Except(mapped).Any(), "documented but not mapped: " + string.Join(", ", documented.Except(mapped).Order()));
    }

    [Fact]
    public async Task RoutesThatNeedACallerNameTheAuthSchemesAndAnonymousRoutesNone()
    {
        var (document, _) = await ReadDocumentAsync();
        var schemes = document.Components!.SecuritySchemes!;
        Assert.Equal(["bareToken", "bearerToken", "sessionCookie"], schemes.Keys.Order());
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Cookie, "access_token"), (schemes["sessionCookie"].Type!.Value, schemes["sessionCookie"].In!.Value, schemes["sessionCookie"].Name));
        Assert.Equal((SecuritySchemeType.Http, "bearer"), (schemes["bearerToken"].Type!.Value, schemes["bearerToken"].Scheme));
        Assert.Equal((SecuritySchemeType.ApiKey, ParameterLocation.Header, "Authorization"), (schemes["bareToken"].Type!.Value, schemes["bareToken"].In!.Value, schemes["bareToken"].Name));

        var anonymous = 0;
        foreach (var (method, endpoint) in ApiEndpoints())
        {
            var operation = Operation(document, method, endpoint);
            var accepted = (operation.Security ?? []).SelectMany(r => r.Keys).Select(s => s.Reference.Id).Order().ToArray();
            var route = Route(method, endpoint.RoutePattern);
            switch (endpoint.Metadata.GetMetadata<CallerFilter>()?.Requirement)
            {
                case null:
                    anonymous++;
                    Assert.True(accepted.Length == 0, $"{route} is anonymous but asks for {string.Join(", ", accepted)}");
                    break;
                case CallerRequirement.Session or CallerRequirement.SessionManage:
                    Assert.True(accepted.SequenceEqual(["sessionCookie"]), $"{route} takes a session only, the document says {string.Join(", ", accepted)}");
                    Assert.Single(operation.Security!);
                    break;
                default:
                    Assert.True(accepted.SequenceEqual(["bareToken", "bearerToken", "sessionCookie"]), $"{route} takes any credential, the document says {string.Join(", ", accepted)}");
                    Assert.Equal(3, operation.Security!.Count); // three alternatives, not one requirement of all three
                    break;
            }
        }

        Assert.Equal(8, anonymous); // live, health, capabilities, register, login, the heartbeat receiver, the Monoduty inbound URL and the status page share URL
    }

    [Fact]
    public async Task ErrorAnswersShareTheEnvelopeSchema()
    {
        var (document, _) = await ReadDocumentAsync();
        var envelope = document.Components!.Schemas!["ApiError"];
        Assert.Equal(["code", "error", "errors", "requestId", "success", "timestamp"], envelope.Properties!.Keys.Order());
        Assert.Equal(["code", "error", "requestId", "success", "timestamp"], envelope.Required!.Order());

        foreach (var (method, endpoint) in ApiEndpoints())
        {
            var operation = Operation(document, method, endpoint);
            var route = Route(method, endpoint.RoutePattern);
            var errors = operation.Responses!.Where(r => r.Key[0] is '4' or '5').ToArray();
            if (endpoint.Metadata.GetMetadata<CallerFilter>() is not null)
            {
                Assert.True(operation.Responses!.ContainsKey("401") && operation.Responses.ContainsKey("403"), $"{route} needs a caller but documents no 401 and 403");
            }

            if (route.Contains(" /api/", StringComparison.Ordinal))
            {
                Assert.True(operation.Responses!.ContainsKey("503"), $"{route} documents no 503");
            }

            // The Monoduty dialect has its own error body, as its API document gives it.
            var body = route.Contains(" /api/webhooks", StringComparison.Ordinal) || route.Contains(" /api/notifications", StringComparison.Ordinal) || route.Contains(" /hooks/", StringComparison.Ordinal)
                ? "MonodutyError"
                : "ApiError";
            foreach (var (status, response) in errors.Where(_ => route != "GET /api/health"))
            {
                var schema = response.Content?["application/json"].Schema;
                Assert.True(schema is OpenApiSchemaReference { Reference.Id: { } id } && id == body, $"{route} answers {status} without the {body} envelope");
            }
        }
    }

    [Fact]
    public async Task ABodyWrittenAsOneOfItsRecordsIsDocumentedAsOneOfThem()
    {
        var (document, _) = await ReadDocumentAsync();
        var schemas = document.Components!.Schemas!;
        IOpenApiSchema Resolve(IOpenApiSchema schema) => schema is OpenApiSchemaReference { Reference.Id: { } id } ? schemas[id] : schema;
        string[] Shapes(IOpenApiSchema schema) =>
            [.. (Resolve(schema).OneOf ?? []).Select(s => s is OpenApiSchemaReference { Reference.Id: { } id } ? id : "(inline)")];

        Assert.Equal(["LunalyticsCertificateDetails", "NoCertificate"], Shapes(schemas["LunalyticsCertificate"]));
        var assertions = Resolve(schemas["DeviceDetails"].Properties!["assertions"]);
        Assert.Equal(["JsonPathAssertion", "TargetAssertion"], Shapes(assertions.Items ?? new OpenApiSchema()));
    }

    [Fact]
    public void RouteCatalogNamesOnlyMappedRoutes()
    {
        var mapped = ApiEndpoints().Select(e => Route(e.Method, e.Endpoint.RoutePattern)).ToHashSet();

        var stale = RouteCatalog.All.Select(doc => Route(doc.Method, RoutePatternFactory.Parse(doc.Path))).Where(route => !mapped.Contains(route)).ToArray();

        Assert.True(stale.Length == 0, "RouteCatalog entries for routes the host does not map: " + string.Join(", ", stale));
    }

    [Fact]
    public async Task RequestExamplesFollowTheirBodySchemas()
    {
        var (document, _) = await ReadDocumentAsync();
        var create = document.Paths["/api/projects/{projectId}/devices"].Operations![HttpMethod.Post];
        var media = create.RequestBody!.Content!["application/json"];

        Assert.Equal("DeviceRequest", Assert.IsType<OpenApiSchemaReference>(media.Schema).Reference.Id);
        Assert.Equal(["dns", "heartbeat", "http", "ping", "tcp"], media.Examples!.Keys.Order());
        Assert.Equal("tcp", media.Examples["tcp"].Value!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task DocsPageIsHtmlWithItsAssetsServedByTheHost()
    {
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        var page = await client.GetAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<script src=\"scalar.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal); // no CDN: the page loads only from this host
        var script = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, "scalar.js"));
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains("javascript", script.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    private async Task<(OpenApiDocument Document, OpenApiDiagnostic Diagnostic)> ReadDocumentAsync()
    {
        var client = fixture.Api.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var response = await client.GetAsync("/openapi/v1.json");
        var json = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /openapi/v1.json answered {(int)response.StatusCode}: {json}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);

        var result = OpenApiDocument.Parse(json, OpenApiConstants.Json);

        Assert.NotNull(result.Document);
        return (result.Document!, result.Diagnostic!);
    }

    /// <summary>
    /// Every (method, endpoint) the host maps, less the endpoints of the document and the docs page themselves and the
    /// pages for people (HTML, excluded from the description, never under <c>/api</c>: an API route cannot hide).
    /// </summary>
    private List<(string Method, RouteEndpoint Endpoint)> ApiEndpoints()
    {
        var endpoints = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToArray();
        bool IsReference(RouteEndpoint e) => e.RoutePattern.RawText is { } raw && (raw.StartsWith("/openapi/", StringComparison.Ordinal) || raw.StartsWith("/docs", StringComparison.Ordinal));
        bool IsPage(RouteEndpoint e) => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is { ExcludeFromDescription: true };
        Assert.Contains(endpoints, e => e.RoutePattern.RawText == ApiReference.DocumentRoute);
        Assert.Contains(endpoints, e => e.RoutePattern.RawText?.StartsWith(ApiReference.DocsRoute, StringComparison.Ordinal) == true);
        Assert.DoesNotContain(endpoints, e => IsPage(e) && !IsReference(e) && e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) != false);
        return endpoints
            .Where(e => !IsReference(e) && !IsPage(e))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(method => (method, e)))
            .ToList();
    }

    private static OpenApiOperation Operation(OpenApiDocument document, string method, RouteEndpoint endpoint)
    {
        var route = Route(method, endpoint.RoutePattern);
        var path = document.Paths.Single(p => Route(method, RoutePatternFactory.Parse(p.Key)) == route);
        return path.Value.Operations![new HttpMethod(method)];
    }

    /// <summary>"METHOD /literal/{parameter}": constraints, defaults, optional and catch-all markers and a trailing slash dropped.</summary>
    private static string Route(string method, RoutePattern pattern) =>
        method.ToUpperInvariant() + " /" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            _ => throw new InvalidOperationException("unknown route part " + part),
        }))));
}
