using System.Collections.Concurrent;
using OrleansMonitor.Grains.Alerting;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>
/// A receiver and its channel in one, for the outbox's tests: every delivery it takes is counted by idempotency key
/// (what a receiver deduplicating on <c>Idempotency-Key</c> would see), and each destination can be told to take,
/// refuse (a status, retryable or not) or stall (until released or the attempt is cancelled). Thread-safe.
/// </summary>
public sealed class RecordingChannel(ChannelKind kind = ChannelKind.Webhook) : IAlertChannel
{
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Behaviour> _behaviour = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _inProgress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _mostInProgress = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AlertDelivery> _attempts = new();
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ChannelKind Kind { get; } = kind;

    /// <summary>Every attempt made, in order.</summary>
    public IReadOnlyList<AlertDelivery> Attempts => [.. _attempts];

    /// <summary>How many times the receiver took the delivery with <paramref name="idempotencyKey"/>.</summary>
    public int Received(string idempotencyKey) => _received.GetValueOrDefault(idempotencyKey);

    /// <summary>Deliveries taken, repeats included.</summary>
    public int ReceivedTotal => _received.Values.Sum();

    /// <summary>Attempts to <paramref name="destination"/> running now (stalled ones included).</summary>
    public int InProgress(string destination) => _inProgress.GetValueOrDefault(destination);

    /// <summary>The most attempts to <paramref name="destination"/> that ran at once.</summary>
    public int MostInProgress(string destination) => _mostInProgress.GetValueOrDefault(destination);

    public void Refuse(string destination, int statusCode, bool retryable) => _behaviour[destination] = new Behaviour(statusCode, retryable, false);

    public void Stall(string destination) => _behaviour[destination] = new Behaviour(null, false, true);

    public void Take(string destination) => _behaviour.TryRemove(destination, out _);

    /// <summary>Lets every stalled attempt go on (each then follows the destination's behaviour at that time).</summary>
    public void ReleaseStalled() => Interlocked.Exchange(ref _release, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    public async Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        _attempts.Enqueue(delivery);
        var now = _inProgress.AddOrUpdate(delivery.Destination, 1, (_, n) => n + 1);
        _mostInProgress.AddOrUpdate(delivery.Destination, now, (_, most) => Math.Max(most, now));
        try
        {
            if (_behaviour.TryGetValue(delivery.Destination, out var stalled) && stalled.Stalls)
            {
                await Volatile.Read(ref _release).Task.WaitAsync(cancellationToken);
            }

            if (_behaviour.TryGetValue(delivery.Destination, out var refusal) && !refusal.Stalls)
            {
                return ChannelResult.Failed(refusal.StatusCode, $"HTTP {refusal.StatusCode} from the receiver", refusal.Retryable, 3);
            }

            _received.AddOrUpdate(delivery.IdempotencyKey, 1, (_, n) => n + 1);
            return ChannelResult.Sent(200, 2);
        }
        finally
        {
            _inProgress.AddOrUpdate(delivery.Destination, 0, (_, n) => n - 1);
        }
    }

    private sealed record Behaviour(int? StatusCode, bool Retryable, bool Stalls);
}
