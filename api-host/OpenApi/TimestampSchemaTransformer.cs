using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// Timestamps as <c>date-time</c> strings. The API writes them through converters of its own
/// (<see cref="Json.IsoTimestampConverter"/>), which the schema generator cannot see into: it would leave them untyped.
/// </summary>
public sealed class TimestampSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?))
        {
            schema.Type = type == typeof(DateTimeOffset) ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
