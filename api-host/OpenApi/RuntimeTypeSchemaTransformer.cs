using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// A response type written as its runtime type (<see cref="RuntimeTypeConverter{T}"/>, no discriminator) is one of its
/// concrete records: the schema says so with <c>oneOf</c> (for a list of them, its items), since the generator sees only the abstract base.
/// </summary>
public sealed class RuntimeTypeSchemaTransformer : IOpenApiSchemaTransformer
{
    public async Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsWrittenAsRuntimeType(type))
        {
            schema.OneOf = await ConcreteSchemasAsync(type, context, cancellationToken);
        }
        else if (schema.Items is null && context.JsonTypeInfo.ElementType is { } element && IsWrittenAsRuntimeType(element))
        {
            // A list of them: the generator leaves the items out altogether.
            schema.Items = new OpenApiSchema { OneOf = await ConcreteSchemasAsync(element, context, cancellationToken) };
        }
    }

    private static bool IsWrittenAsRuntimeType(Type type) =>
        type.IsAbstract
        && type.GetCustomAttribute<JsonConverterAttribute>(inherit: false)?.ConverterType is { IsGenericType: true } converter
        && converter.GetGenericTypeDefinition() == typeof(RuntimeTypeConverter<>);

    private static async Task<List<IOpenApiSchema>> ConcreteSchemasAsync(Type type, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var schemas = new List<IOpenApiSchema>();
        foreach (var concrete in type.Assembly.GetTypes().Where(t => !t.IsAbstract && t.IsSubclassOf(type)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            schemas.Add(await context.GetOrCreateSchemaAsync(concrete, null, cancellationToken));
        }

        return schemas;
    }
}
