using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// A response type written as its runtime type (<see cref="RuntimeTypeConverter{T}"/>, no discriminator) is one of its
/// concrete records: the schema says so with <c>oneOf</c>, since the generator sees only the abstract base.
/// </summary>
public sealed class RuntimeTypeSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (!type.IsAbstract
            || type.GetCustomAttribute<JsonConverterAttribute>(inherit: false)?.ConverterType is not { IsGenericType: true } converter
            || converter.GetGenericTypeDefinition() != typeof(RuntimeTypeConverter<>))
        {
            return;
        }

        schema.OneOf = [];
        foreach (var concrete in type.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(type)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            schema.OneOf.Add(await context.GetOrCreateSchemaAsync(concrete, null, cancellationToken));
        }
    }
}
