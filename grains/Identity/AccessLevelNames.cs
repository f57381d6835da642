using OrleansMonitor.GrainInterfaces.Identity;

namespace OrleansMonitor.Grains.Identity;

/// <summary>The stored spelling of token access levels.</summary>
public static class AccessLevelNames
{
    public static string ToText(AccessLevel level) => level switch
    {
        AccessLevel.ReadOnly => "read_only",
        AccessLevel.ReadWrite => "read_write",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Only tokens have a stored access level"),
    };

    public static AccessLevel Parse(string text) => text switch
    {
        "read_only" => AccessLevel.ReadOnly,
        "read_write" => AccessLevel.ReadWrite,
        _ => throw new FormatException($"Unknown access level '{text}'"),
    };
}
