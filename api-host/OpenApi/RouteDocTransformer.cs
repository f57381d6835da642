using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// Applies the route's <see cref="RouteDoc"/>: summary, parameter descriptions, request body and examples, and the
/// success answer (its description; its schema too where the handler does not return a typed result declaring one).
/// </summary>
public sealed class RouteDocTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (RouteCatalog.Find(context.Description) is not { } doc)
        {
            return;
        }

        operation.Summary = doc.Summary;
        operation.Description = doc.Description;
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is { } name && doc.Parameters.TryGetValue(name, out var description))
            {
                parameter.Description = description;
            }
        }

        if (doc.Body is { } body)
        {
            var media = new OpenApiMediaType { Schema = await SchemaComponents.ReferenceAsync(body, context, cancellationToken) };
            if (doc.Examples.Count > 0)
            {
                media.Examples = doc.Examples.ToDictionary(
                    e => e.Key,
                    e => (IOpenApiExample)new OpenApiExample { Summary = e.Key, Value = JsonNode.Parse(e.Value) });
            }

            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"A JSON object of at most {Json.JsonBody.MaxBytes / 1024} KiB.",
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = media },
            };
        }

        operation.Responses ??= [];
        var success = doc.Success.ToString(CultureInfo.InvariantCulture);
        if (operation.Responses.TryGetValue(success, out var declared) && declared is OpenApiResponse { Content.Count: > 0 } typed)
        {
            // A typed result (Ok<T>, Created<T>) declared the success body: its record's schema stays.
            typed.Description = doc.SuccessDescription;
        }
        else
        {
            operation.Responses.Remove("200");
            operation.Responses[success] = new OpenApiResponse
            {
                Description = doc.SuccessDescription,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = doc.Response is { } response
                            ? await SchemaComponents.ReferenceAsync(response, context, cancellationToken)
                            : new OpenApiSchema { Type = JsonSchemaType.Object },
                    },
                },
            };
        }

        foreach (var (status, description) in doc.OwnResponses)
        {
            operation.Responses[status.ToString(CultureInfo.InvariantCulture)] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
            };
        }
    }
}
