using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// <c>success</c> is required in every <see cref="SuccessResponse"/> body: it is always written, but as a computed
/// property it is not a constructor parameter, which is all the generator counts as required.
/// </summary>
public sealed class SuccessSchemaTransformer : IOpenApiSchemaTransformer
{
    private const string Success = "success";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is null && context.JsonTypeInfo.Type.IsAssignableTo(typeof(SuccessResponse)) && schema.Properties?.ContainsKey(Success) == true)
        {
            schema.Required ??= new HashSet<string>();
            schema.Required.Add(Success);
        }

        return Task.CompletedTask;
    }
}
