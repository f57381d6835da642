namespace OrleansMonitor.GrainInterfaces.Webhooks;

/// <summary>How a Monoduty webhook passes an alert on. Values are stored (<c>om_webhooks.notification_types</c>): append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.NotificationType")]
public enum NotificationType
{
    /// <summary>Email to the webhook's target address.</summary>
    Email = 0,
    /// <summary>Text message to the webhook's SMS number.</summary>
    Sms = 1,
    /// <summary>The workspace's in-app notification feed.</summary>
    PushNotif = 2,
    /// <summary>Voice call to the webhook's call number (or its SMS number).</summary>
    Call = 3,
}
