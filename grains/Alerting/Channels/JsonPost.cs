using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>A JSON document as a request body (UTF-8, <c>application/json</c>), serialised by System.Text.Json.</summary>
public static class JsonPost
{
    public static HttpContent Content(JsonNode document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(document));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }
}
