namespace OrleansMonitor.ApiHost.Auth;

public static class CallerFilterExtensions
{
    /// <summary>
    /// Requires an authenticated caller meeting <paramref name="requirement"/>. The filter is added as the route's
    /// metadata too, so descriptions of the route (the OpenAPI document) know it needs a caller.
    /// </summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, CallerRequirement requirement)
        where TBuilder : IEndpointConventionBuilder
    {
        var filter = new CallerFilter(requirement);
        return builder.WithMetadata(filter).AddEndpointFilter(filter);
    }

    /// <summary>Marks a route Premium-only; put it after <see cref="RequireCaller{TBuilder}"/>. The filter is the route's metadata too.</summary>
    public static TBuilder RequirePremium<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        var filter = new PremiumFilter();
        return builder.WithMetadata(filter).AddEndpointFilter(filter);
    }
}
