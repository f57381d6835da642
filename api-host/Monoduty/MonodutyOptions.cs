using System.ComponentModel.DataAnnotations;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>Configuration section <c>Monoduty</c>: where inbound webhook URLs point, and how often one may be posted to.</summary>
public sealed class MonodutyOptions : IValidatableObject
{
    public const string Section = "Monoduty";

    /// <summary>
    /// The public base URL inbound URLs are built on (<c>{PublicUrl}/hooks/{token}</c>), for example
    /// <c>https://monitor.example.com</c>; empty: the scheme and host of the request that reads the webhook.
    /// </summary>
    public string PublicUrl { get; set; } = string.Empty;

    /// <summary>Posts accepted per inbound token in each <see cref="InboundWindow"/>; more answer 429.</summary>
    [Range(1, int.MaxValue, ErrorMessage = "Monoduty:InboundPermitsPerToken must be a whole number of at least 1")]
    public int InboundPermitsPerToken { get; set; } = 60;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Monoduty:InboundWindow must be a time span from 00:00:01 to 1.00:00:00")]
    public TimeSpan InboundWindow { get; set; } = TimeSpan.FromMinutes(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (PublicUrl.Length > 0
            && (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Query.Length > 0 || uri.Fragment.Length > 0))
        {
            yield return new ValidationResult("Monoduty:PublicUrl must be an absolute http(s) URL without query or fragment", [nameof(PublicUrl)]);
        }
    }

    /// <summary>The inbound URL of <paramref name="token"/> as <paramref name="request"/>'s caller reaches it.</summary>
    public string InboundUrl(HttpRequest request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var root = PublicUrl.Length > 0 ? PublicUrl.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
        return $"{root}/hooks/{token}";
    }
}
