using System.Text.Json;
using System.Text.Unicode;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>
/// Reads a request body as a JSON object, bounded in size, turning every failure into a documented 4xx. Every body is
/// checked whole before a handler sees it: it must be UTF-8, and no string in it (value or property name) may hold a
/// NUL character or a lone surrogate, escaped or not, so a handler never meets text that cannot be read or stored.
/// </summary>
public static class JsonBody
{
    public const int MaxBytes = 64 * 1024;

    /// <summary>The body's root object, or the error response to send.</summary>
    public static async Task<(JsonElement Root, ApiErrorResult? Error)> ReadObjectAsync(HttpRequest request)
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

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            return (default, ApiProblem.Of(400, "invalid_json", "The body is not valid UTF-8"));
        }

        try
        {
            using var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 32 });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (default, ApiProblem.Of(400, "invalid_json", "The body must be a JSON object"));
            }

            if (!HoldsOnlyText(document.RootElement))
            {
                return (default, ApiProblem.Of(400, "invalid_json", "Strings in the body must not contain NUL characters or lone surrogates"));
            }

            return (document.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (default, ApiProblem.Of(400, "invalid_json", "The body is not valid JSON"));
        }
    }

    /// <summary>True when every string and property name under <paramref name="element"/> is text that can be stored.</summary>
    private static bool HoldsOnlyText(JsonElement element)
    {
        try
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!IsText(property.Name) || !HoldsOnlyText(property.Value))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.Array:
                    foreach (var item in element.EnumerateArray())
                    {
                        if (!HoldsOnlyText(item))
                        {
                            return false;
                        }
                    }

                    return true;
                case JsonValueKind.String:
                    return IsText(element.GetString()!);
                default:
                    return true;
            }
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") cannot be turned into a string at all.
            return false;
        }
    }

    private static bool IsText(ReadOnlySpan<char> text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            var c = text[index];
            if (c == '\0')
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static ApiErrorResult TooLarge() => ApiProblem.Of(413, "payload_too_large", $"Request body is larger than {MaxBytes} bytes");
}
