using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>Writes a value of an abstract response type as its runtime type, with no type discriminator (response bodies are only written).</summary>
public sealed class RuntimeTypeConverter<T> : JsonConverter<T>
    where T : class
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException($"{typeof(T).Name} is only written");

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, value.GetType(), options);
}
