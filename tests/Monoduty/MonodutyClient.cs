using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Monoduty;

/// <summary>Monoduty calls the tests make often, and the checks of its error body.</summary>
public static class MonodutyClient
{
    public static async Task<MonodutyWebhook> CreateWebhookAsync(this ApiUser user, object webhook)
    {
        var response = await user.Session.PostAsJsonAsync("/api/webhooks", webhook);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"create webhook answered {(int)response.StatusCode}: {text}");
        return (await response.ReadJsonAsync<MonodutyWebhookBody>()).Webhook;
    }

    public static async Task<MonodutyWebhook> WebhookAsync(this ApiUser user, string id) =>
        (await user.Session.GetJsonAsync<MonodutyWebhookBody>($"/api/webhooks/{id}")).Webhook;

    /// <summary>Posts <paramref name="body"/> to the webhook's inbound URL without credentials.</summary>
    public static Task<HttpResponseMessage> PostInboundAsync(this HttpClient anonymous, MonodutyWebhook webhook, object body) =>
        anonymous.PostAsJsonAsync(webhook.InboundPath, body);

    /// <summary>Asserts <paramref name="response"/> is <paramref name="status"/> with the Monoduty error body and <paramref name="code"/>.</summary>
    public static async Task<MonodutyErrorBody> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.ReadJsonAsync<MonodutyErrorBody>();
        Assert.False(body.Success);
        Assert.Equal(code, body.Code);
        Assert.False(string.IsNullOrWhiteSpace(body.Error));
        Assert.True(DateTimeOffset.TryParseExact(body.Timestamp, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), body.Timestamp);
        return body;
    }
}
