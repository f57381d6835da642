using System.Text.Json;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>Reads a request body as a JSON object, bounded in size, turning every failure into a documented 4xx.</summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's root object, or the error response to send.</summary>
    public static async Task<(JsonElement Root, IResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        if (request.ContentLength > MaxBytes)
        {
            return (default, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (default, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (default, ApiProblem.Of(400, "invalid_json", "A JSON object body is required"));
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray(), new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, ApiProblem.Of(400, "invalid_json", "The body must be a JSON object"));
            }

            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, ApiProblem.Of(400, "invalid_json", "The body is not valid JSON"));
        }
    }

    private static IResult TooLarge() => ApiProblem.Of(413, "payload_too_large", $"Request body is larger than {MaxBytes} bytes");
}
