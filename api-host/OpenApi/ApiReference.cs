using Scalar.AspNetCore;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// The API's own description: <c>GET /openapi/v1.json</c> (OpenAPI 3.1, generated from the mapped routes and enriched
/// by the transformers in this folder) and <c>GET /docs</c>, an interactive reference rendered from it by Scalar with
/// its assets served by this host (no CDN, no web fonts, no telemetry). Both are anonymous.
/// </summary>
public static class ApiReference
{
    public const string DocumentName = "v1";
    public const string DocumentRoute = "/openapi/{documentName}.json";
    public const string DocsRoute = "/docs";

    public static WebApplicationBuilder AddApiReference(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.OpenApiVersion = Microsoft.OpenApi.OpenApiSpecVersion.OpenApi3_1;
            options.AddDocumentTransformer<DocumentInfoTransformer>();
            options.AddSchemaTransformer<TimestampSchemaTransformer>();
            options.AddSchemaTransformer<SuccessSchemaTransformer>();
            options.AddSchemaTransformer<RuntimeTypeSchemaTransformer>();
            options.AddOperationTransformer<RouteDocTransformer>();
            options.AddOperationTransformer<SecuritySchemeTransformer>();
            options.AddDocumentTransformer<SecuritySchemeTransformer>();
            options.AddOperationTransformer<ErrorEnvelopeTransformer>();
            options.AddDocumentTransformer<ErrorEnvelopeTransformer>();
            options.AddOperationTransformer<ModuleTagTransformer>();
            options.AddDocumentTransformer<ModuleTagTransformer>();
        });
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi(DocumentRoute);
        app.MapScalarApiReference(DocsRoute, options => options
            .WithTitle("OrleansMonitor API")
            .WithOpenApiRoutePattern(DocumentRoute)
            .DisableDefaultFonts()
            .DisableTelemetry());
        return app;
    }
}
