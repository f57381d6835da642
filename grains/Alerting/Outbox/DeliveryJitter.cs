namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>How a retry delay is spread, so receivers coming back are not hit by every sender at the same instant.</summary>
public enum DeliveryJitter
{
    /// <summary>Anywhere between zero and the exponential delay.</summary>
    Full = 0,
    /// <summary>Between half the exponential delay and all of it: never sooner than half.</summary>
    Equal = 1,
}
