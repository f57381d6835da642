using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>Schemas of documentation types, generated once as <c>components/schemas/{type name}</c> and referenced.</summary>
public static class SchemaComponents
{
    public static async Task<IOpenApiSchema> ReferenceAsync(Type type, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation transformer has no document");
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            var schema = await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
            document.AddComponent(type.Name, schema);
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
