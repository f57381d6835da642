using System.Globalization;
using System.Text;
using System.Text.Json;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// Reads the body of <c>POST /hooks/:token</c>, sent by another system, leniently: at most <see cref="MaxBytes"/>
/// (413 beyond), an empty body is an alert without text, bytes that are not UTF-8 become U+FFFD, and so do NUL
/// characters and lone surrogates (escaped or not) in <c>title</c>, <c>message</c> and <c>severity</c>: an alert is
/// not lost for a stray byte. The grain caps the texts. Only a body that is not a JSON object, or one of the three
/// fields not a string, is refused (400).
/// </summary>
public static class InboundPayload
{
    public const int MaxBytes = 64 * 1024;

    public static async Task<(InboundAlert? Alert, MonodutyErrorResult? Error)> ReadAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, TooLarge());
            }

            buffer.Write(chunk, 0, read);
        }

        var text = Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length); // invalid bytes become U+FFFD
        if (string.IsNullOrWhiteSpace(text))
        {
            return (new InboundAlert(null, null, null), null);
        }

        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, Invalid("The body must be a JSON object"));
            }

            var errors = new Dictionary<string, string>(StringComparer.Ordinal);
            var alert = new InboundAlert(Text(root, "title", errors), Text(root, "message", errors), Text(root, "severity", errors));
            return errors.Count == 0 ? (alert, null) : (null, MonodutyProblem.Validation(errors, "Invalid alert"));
        }
        catch (JsonException)
        {
            return (null, Invalid("The body is not valid JSON"));
        }
    }

    /// <summary>The string field <paramref name="name"/> with NUL and lone surrogates replaced, or null when absent.</summary>
    private static string? Text(JsonElement root, string name, Dictionary<string, string> errors)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            errors[name] = $"{name} must be a string";
            return null;
        }

        string raw;
        try
        {
            raw = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            raw = Unescape(value.GetRawText()); // an escaped lone surrogate cannot be read as a string
        }

        return Replace(raw);
    }

    /// <summary>A JSON string literal (quotes included) decoded escape by escape, lone surrogates kept for <see cref="Replace"/>.</summary>
    private static string Unescape(string literal)
    {
        var builder = new StringBuilder(literal.Length);
        for (var index = 1; index < literal.Length - 1; index++)
        {
            var c = literal[index];
            if (c != '\\' || index + 1 >= literal.Length - 1)
            {
                builder.Append(c);
                continue;
            }

            var escape = literal[++index];
            switch (escape)
            {
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u' when index + 4 < literal.Length
                    && int.TryParse(literal.AsSpan(index + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code):
                    builder.Append((char)code);
                    index += 4;
                    break;
                default: builder.Append(escape); break;
            }
        }

        return builder.ToString();
    }

    /// <summary><paramref name="text"/> with NUL and lone surrogates as U+FFFD.</summary>
    private static string Replace(string text)
    {
        var chars = text.ToCharArray();
        for (var index = 0; index < chars.Length; index++)
        {
            if (char.IsHighSurrogate(chars[index]) && index + 1 < chars.Length && char.IsLowSurrogate(chars[index + 1]))
            {
                index++;
            }
            else if (chars[index] == '\0' || char.IsSurrogate(chars[index]))
            {
                chars[index] = '\uFFFD';
            }
        }

        return new string(chars);
    }

    private static MonodutyErrorResult Invalid(string message) => new(StatusCodes.Status400BadRequest, MonodutyProblem.InvalidJson, message);

    private static MonodutyErrorResult TooLarge() =>
        new(StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"Request body is larger than {MaxBytes} bytes");
}
