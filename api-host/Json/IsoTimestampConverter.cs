using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>
/// The API's one timestamp format: ISO-8601 in UTC with milliseconds (<c>2026-11-25T09:00:00.000Z</c>). Registered
/// for every HTTP response, so a <see cref="DateTimeOffset"/> (or nullable one) in a response record is written so;
/// <see cref="Format(DateTimeOffset?)"/> gives the same text to bodies built by hand.
/// </summary>
public sealed class IsoTimestampConverter : JsonConverter<DateTimeOffset>
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static string? Format(DateTimeOffset? value) => value is { } present ? Format(present) : null;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(Format(value));
}
