using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>The names Monoduty gives the notification types (<c>EMAIL</c>, <c>SMS</c>, <c>PUSH_NOTIF</c>, <c>CALL</c>) and webhook states.</summary>
public static class MonodutyNames
{
    public const string Active = "ACTIVE";
    public const string Disabled = "DISABLED";

    private static readonly Dictionary<NotificationType, string> Names = new()
    {
        [NotificationType.Email] = "EMAIL",
        [NotificationType.Sms] = "SMS",
        [NotificationType.PushNotif] = "PUSH_NOTIF",
        [NotificationType.Call] = "CALL",
    };

    private static readonly Dictionary<string, NotificationType> Types = Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);

    /// <summary>"EMAIL, SMS, PUSH_NOTIF, CALL", for messages.</summary>
    public static string All => string.Join(", ", Names.Values);

    public static string Of(NotificationType type) => Names.TryGetValue(type, out var name) ? name : type.ToString().ToUpperInvariant();

    public static bool TryParse(string? name, out NotificationType type) => Types.TryGetValue(name ?? string.Empty, out type);
}
