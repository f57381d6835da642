namespace OrleansMonitor.Grains.Alerting.Outbox;

/// <summary>How the outbox's sender paces and bounds deliveries (section <c>Alerting:Delivery</c>).</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Alerting:Delivery";

    /// <summary>Attempts per delivery at most, the first included; a retryable failure at the last one fails it.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Delay before the second attempt; it doubles per attempt (before jitter).</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest delay between two attempts (before jitter).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How the retry delay is spread.</summary>
    public DeliveryJitter Jitter { get; set; } = DeliveryJitter.Equal;

    /// <summary>How long a claimed delivery belongs to its sender; after it any sender claims it again. Must exceed
    /// <see cref="AttemptTimeout"/>, or a slow attempt would be sent twice.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take, the receiver's answer included.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often the sender looks for due deliveries when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Attempts in flight per silo at most.</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>Attempts in flight per silo to one destination at most: a slow receiver holds these, not the rest.</summary>
    public int PerDestinationConcurrency { get; set; } = 2;

    /// <summary>Deliveries claimed by one statement at most.</summary>
    public int ClaimBatch { get; set; } = 64;

    /// <summary>How long a stopping silo lets attempts in flight finish; those still running then are left to their lease.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
