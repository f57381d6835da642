using Microsoft.Extensions.Options;

namespace OrleansMonitor.ApiHost.Hosting;

/// <summary>Options bound from a configuration section and checked when the host starts.</summary>
public static class ValidatedOptions
{
    /// <summary>
    /// Binds <typeparamref name="TOptions"/> to <paramref name="section"/> and validates its data annotations at
    /// start-up, so a wrong setting stops the API host at once with a message naming the setting, instead of failing
    /// (or silently misbehaving) at the first request that reads it.
    /// </summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions>(this IServiceCollection services, string section)
        where TOptions : class =>
        services.AddOptions<TOptions>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
}
