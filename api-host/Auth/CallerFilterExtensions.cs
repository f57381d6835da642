namespace OrleansMonitor.ApiHost.Auth;

public static class CallerFilterExtensions
{
    /// <summary>Requires an authenticated caller meeting <paramref name="requirement"/>.</summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, CallerRequirement requirement)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new CallerFilter(requirement));
}
