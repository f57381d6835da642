using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.ApiHost.Hosting;

/// <summary>
/// Running behind a TLS-terminating proxy: <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from
/// the proxies configured under <c>ForwardedHeaders</c> (<c>KnownProxies</c>: addresses, <c>KnownNetworks</c>: CIDR
/// ranges). None are configured by default, and then the headers are ignored altogether (the forwarded-headers
/// middleware would trust everyone with empty lists, so it is not added). Applied first in the pipeline, so the
/// throttles and logs see the client's address and the session cookie is <c>Secure</c> when the client used https.
/// </summary>
public static class TrustedProxies
{
    private const string Section = "ForwardedHeaders";

    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var text in Entries(configuration, "KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.TryParse(text, out var address)
                    ? address
                    : throw new InvalidOperationException($"{Section}:KnownProxies holds '{text}', which is not an IP address"));
            }

            foreach (var text in Entries(configuration, "KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                    ? network
                    : throw new InvalidOperationException($"{Section}:KnownNetworks holds '{text}', which is not a CIDR range such as 10.0.0.0/8"));
            }
        });
        return builder;
    }

    /// <summary>Adds the forwarded-headers middleware when at least one proxy is trusted; reads (and so validates) the settings at start-up.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        if (options.KnownProxies.Count > 0 || options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }

    /// <summary>The list <c>key:0</c>, <c>key:1</c>, ..., or one comma-separated value <c>key</c>.</summary>
    private static IEnumerable<string> Entries(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection($"{Section}:{key}");
        return section.GetChildren().Select(child => child.Value).Append(section.Value)
            .SelectMany(value => (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}
