using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansMonitor.ApiHost.Dashmon;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>The document's title, version (the API version <c>/api/meta/capabilities</c> reports) and overview.</summary>
public sealed class DocumentInfoTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "OrleansMonitor API",
            Version = MetaApi.ApiVersion,
            Description = """
                The REST API of OrleansMonitor, a self-hosted uptime and synthetic-monitoring engine. Two dialects share one
                model: Lunalytics monitors (`/api/monitor/...`) and Dashmon projects and devices; a monitor and a device are the
                same resource.

                **Authentication.** `POST /api/auth/register` or `POST /api/auth/login` sets the HttpOnly `access_token` session
                cookie. API tokens (created by session at `POST /api/user/api-tokens`) are sent as `Authorization: Bearer <token>`
                or as a bare `Authorization: <token>`. A read_only token gets 403 on writes; expired or revoked tokens get 401.

                **Errors.** Every `/api` failure answers with the `ApiError` envelope:
                `{"success": false, "error": "...", "code": "...", "timestamp": "...", "requestId": "..."}`, plus `errors`
                (field → message) on 422. Unknown routes answer 404 `route_not_found`, a wrong method 405 `method_not_allowed`,
                an unexpected failure 500 `internal_error`. Every response carries `X-Request-Id` (a valid incoming one is echoed).

                **Bodies.** JSON objects of at most 64 KiB, checked whole before a route reads them: not UTF-8, or a NUL or lone
                surrogate in any string, answers 400 `invalid_json`. Timestamps are ISO-8601 UTC.
                """,
        };
        return Task.CompletedTask;
    }
}
