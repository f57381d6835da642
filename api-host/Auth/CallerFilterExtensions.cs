namespace OrleansMonitor.ApiHost.Auth;

public static class CallerFilterExtensions
{
    /// <summary>Requires an authenticated caller meeting <paramref name="requirement"/>.</summary>
    public static TBuilder RequireCaller<TBuilder>(this TBuilder builder, CallerRequirement requirement)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new CallerFilter(requirement));

    /// <summary>Marks a route Premium-only; put it after <see cref="RequireCaller{TBuilder}"/>.</summary>
    public static TBuilder RequirePremium<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new PremiumFilter());
}
