using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Json;

/// <summary>
/// Enum members as the API spells them: lower case, words joined by underscores (<c>Owner</c> → <c>owner</c>,
/// <c>ReadOnly</c> → <c>read_only</c>). Registered for every HTTP response; <see cref="Name{TEnum}"/> gives the same
/// text to bodies built by hand.
/// </summary>
public sealed class SnakeCaseEnumConverter() : JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false)
{
    public static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
