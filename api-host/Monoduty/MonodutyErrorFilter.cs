namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// Endpoint filter on every Monoduty route, outside <see cref="CallerFilter"/>: an engine error result (401, 403 from
/// authentication) leaves as a <see cref="MonodutyError"/>.
/// </summary>
public sealed class MonodutyErrorFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        return result is ApiErrorResult error ? MonodutyProblem.From(error) : result;
    }
}
