using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// The one error envelope (<see cref="ApiError"/>) as the shared schema <c>components/schemas/ApiError</c>, and on
/// every operation the error statuses it can answer with that body: 401 and 403 behind <see cref="CallerFilter"/>,
/// 400, 413 and 422 where a JSON body is read, 404 where the path names something, 503 on every <c>/api</c> route,
/// plus those its <see cref="RouteDoc"/> lists.
/// </summary>
public sealed class ErrorEnvelopeTransformer : IOpenApiOperationTransformer, IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        if (document.Components?.Schemas is { } schemas && schemas.TryGetValue(nameof(ApiError), out var found) && found is OpenApiSchema schema)
        {
            schema.Description = "The one error body of every /api route. `code` is stable and machine-readable, `error` is for people, "
                + "`requestId` repeats the response's `X-Request-Id`, and `errors` (422 only) maps each refused field to its message.";
            schema.Examples = [JsonNode.Parse("""{"success":false,"error":"Monitor not found","code":"monitor_not_found","timestamp":"2026-11-25T09:00:00.000Z","requestId":"0HN8P1J3K2L4M"}""")!];
        }

        if (document.Components?.Schemas is { } monoduty && monoduty.TryGetValue(nameof(Monoduty.MonodutyError), out var flavour) && flavour is OpenApiSchema monodutySchema)
        {
            monodutySchema.Description = "The error body of the Monoduty routes: `code` is upper-case (VALIDATION_ERROR, INVALID_JSON, UNAUTHORIZED, FORBIDDEN, "
                + "NOT_FOUND, RATE_LIMITED, PAYLOAD_TOO_LARGE), `reason` carries the engine's finer code where there is one, `fields` (400) maps each refused field to its message.";
            monodutySchema.Examples = [JsonNode.Parse("""{"success":false,"error":"Invalid webhook","code":"VALIDATION_ERROR","timestamp":"2026-11-25T09:00:00.000Z","requestId":"0HN8P1J3K2L4M","fields":{"name":"name must be 3 to 100 characters"}}""")!];
        }

        return Task.CompletedTask;
    }

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var doc = RouteCatalog.Find(description);
        var caller = metadata.OfType<CallerFilter>().LastOrDefault()?.Requirement;
        var premium = metadata.OfType<PremiumFilter>().Any();
        var statuses = new SortedDictionary<int, string>();

        var monodutyBody = doc?.ErrorBody == typeof(Monoduty.MonodutyError);
        if (caller is { } requirement)
        {
            statuses[401] = monodutyBody ? "`UNAUTHORIZED`, with `reason`: " + Unauthorized(requirement) : Unauthorized(requirement);
            statuses[403] = monodutyBody ? "`FORBIDDEN`, with `reason`: " + Forbidden(requirement, premium) : Forbidden(requirement, premium);
        }

        if (doc?.Body is not null && monodutyBody)
        {
            statuses[400] = "`INVALID_JSON`: the body is not a JSON object; `VALIDATION_ERROR`: `fields` maps each refused field to its message.";
            statuses[413] = $"`PAYLOAD_TOO_LARGE`: the body is over {JsonBody.MaxBytes / 1024} KiB.";
        }
        else if (doc?.Body is not null)
        {
            statuses[400] = $"`invalid_json`: the body is not a UTF-8 JSON object, or a string in it holds a NUL or a lone surrogate.";
            statuses[413] = $"`payload_too_large`: the body is over {JsonBody.MaxBytes / 1024} KiB.";
            statuses[422] = "`validation_failed`: `errors` maps each refused field to its message.";
        }

        if (description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
        {
            statuses[404] = "Not found, or not visible to the caller (another workspace's resources, or outside the member's projects).";
        }

        foreach (var status in doc?.Errors ?? [])
        {
            statuses.TryAdd(status, Generic(status));
        }

        if (RouteCatalog.PathOf(description).StartsWith("/api/", StringComparison.Ordinal))
        {
            statuses.TryAdd(503, "`service_unavailable` (the cluster) or `storage_unavailable` (the database, with `Retry-After`): nothing was changed, try again shortly.");
        }

        if (statuses.Count == 0)
        {
            return;
        }

        var schema = await SchemaComponents.ReferenceAsync(doc?.ErrorBody ?? typeof(ApiError), context, cancellationToken);
        operation.Responses ??= [];
        foreach (var (status, text) in statuses)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (operation.Responses.ContainsKey(key))
            {
                continue;
            }

            var response = new OpenApiResponse
            {
                Description = text,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
            };
            if (status == 429)
            {
                response.Headers = new Dictionary<string, IOpenApiHeader>
                {
                    ["Retry-After"] = new OpenApiHeader { Description = "Whole seconds to wait.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
                };
            }

            operation.Responses[key] = response;
        }
    }

    private static string Unauthorized(CallerRequirement requirement) =>
        requirement is CallerRequirement.Session or CallerRequirement.SessionManage
            ? "`unauthorized`: no valid session."
            : "`unauthorized`: no valid session or token (expired and revoked tokens too); `premium_required`: a token of a workspace on the free plan.";

    private static string Forbidden(CallerRequirement requirement, bool premium)
    {
        var codes = new List<string>();
        var changes = requirement is not (CallerRequirement.Read or CallerRequirement.Session);
        if (requirement is CallerRequirement.Session or CallerRequirement.SessionManage)
        {
            codes.Add("`session_required` (an API token was sent)");
        }

        if (changes)
        {
            codes.Add("`read_only_token`");
            codes.Add("`foreign_origin` (a cookie-authenticated change from another site)");
        }

        if (requirement is not CallerRequirement.Session)
        {
            codes.Add("`not_a_member`");
        }

        if (requirement is CallerRequirement.Write or CallerRequirement.Manage or CallerRequirement.SessionManage)
        {
            codes.Add("`write_locked` (the workspace is above its plan's limits)");
            codes.Add("`forbidden_role`");
        }

        if (premium)
        {
            codes.Add("`premium_required`");
        }

        return "The caller may not do this: " + string.Join(", ", codes) + "; route-specific codes such as `forbidden_scope` or `plan_limit_reached` too.";
    }

    private static string Generic(int status) => status switch
    {
        400 => "A missing or invalid parameter (`missing_monitor_id`, `invalid_status_type`, `invalid_request`).",
        401 => "`invalid_credentials`.",
        403 => "Refused (`registration_closed`).",
        404 => "Not found, or not visible to the caller.",
        409 => "Conflicts with the resource's state (`wrong_device_type`, `email_taken`, an invitation already used, cancelled or expired).",
        422 => "`validation_failed`: `errors` maps each refused query parameter or field to its message.",
        429 => "Too many requests (`too_many_attempts`, `too_many_requests`, `rate_limited`); `Retry-After` says when to try again.",
        _ => "See the error envelope's `code`.",
    };
}
