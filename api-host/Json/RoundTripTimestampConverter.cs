using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>
/// A timestamp as System.Text.Json writes one by default: ISO-8601 with its offset and up to seven fractional digits
/// (<c>2026-11-25T09:00:00.1234567+00:00</c>). Only for the fields that were written so before
/// <see cref="IsoTimestampConverter"/> became the API's format (the session's and the API tokens' times), put on
/// those properties so their bodies stay as they were.
/// </summary>
public sealed class RoundTripTimestampConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);
}
