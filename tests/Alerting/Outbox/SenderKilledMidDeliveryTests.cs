using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansMonitor.Grains.Alerting.Outbox;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting.Outbox;

/// <summary>
/// The real silo process killed (SIGKILL) while its sender holds a delivery in flight, with more deliveries recorded
/// while it is down: after a restart every delivery is accepted by its receiver exactly once, none is lost, and the one
/// cut off by the kill is sent again once its lease ends.
/// </summary>
public sealed class SenderKilledMidDeliveryTests : IAsyncLifetime
{
    private const int BeforeKill = 8;
    private const int WhileDown = 8;
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(12);
    private readonly string _clusterId = "delivery-kill-" + Guid.NewGuid().ToString("N")[..8];
    private readonly Guid _workspace = Guid.NewGuid();
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync("deliverykill");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task EveryDeliveryIsAcceptedOnceAfterTheSiloIsKilledWithOneInFlight()
    {
        var receiver = new StallingReceiver("kill:stalled");
        await using var target = await LocalHttpTarget.StartAsync(routes: routes => routes.MapPost("/hook/{**rest}", receiver.AnswerAsync));
        var settings = new Dictionary<string, string>
        {
            ["Alerting:Delivery:Lease"] = Lease.ToString(),
            ["Alerting:Delivery:AttemptTimeout"] = "00:00:10",
            ["Alerting:Delivery:PollInterval"] = "00:00:00.200",
            ["Alerting:Channels:Timeout"] = "00:00:10",
        };
        var outbox = OutboxKit.NewOutbox(_database.DataSource, TimeProvider.System);
        var hook = target.UrlOf("/hook/ops");
        var stalledHook = target.UrlOf("/hook/stalled"); // its own destination, so it holds none of the others' slots

        var (siloPort, gatewayPort) = (0, 0);
        await using (var silo = SiloProcess.Start(_database.ConnectionString, _clusterId, settings))
        {
            (siloPort, gatewayPort) = (silo.SiloPort, silo.GatewayPort);
            await silo.WaitForOutputAsync(line => line.Contains("Warm-up woke", StringComparison.Ordinal), "its warm-up line", TimeSpan.FromSeconds(60));
            var now = DateTimeOffset.UtcNow;
            await outbox.EnqueueManyAsync(
                [OutboxKit.Delivery(_workspace, stalledHook, now, "kill:stalled"), .. Keys("kill:before", BeforeKill).Select(key => OutboxKit.Delivery(_workspace, hook, now, key))]);

            await Eventually.HoldsAsync(() => Task.FromResult(receiver.Holding), holding => holding, "the stalled delivery to be in flight", TimeSpan.FromSeconds(30));
            await Eventually.HoldsAsync(() => Task.FromResult(receiver.AcceptedCount), count => count == BeforeKill, "the others to be accepted", TimeSpan.FromSeconds(30));
            silo.Kill();
            await silo.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        Assert.Equal((short)DeliveryStatus.Sending, await OutboxKit.StatusAsync(_database, "kill:stalled"));
        var later = DateTimeOffset.UtcNow;
        await outbox.EnqueueManyAsync([.. Keys("kill:down", WhileDown).Select(key => OutboxKit.Delivery(_workspace, hook, later, key))]);

        // Restarted as a service manager restarts it: on the same ports, so it takes over its killed incarnation's entry.
        await using (var silo = SiloProcess.Start(_database.ConnectionString, _clusterId, settings, siloPort, gatewayPort))
        {
            await silo.WaitForOutputAsync(line => line.Contains("Warm-up woke", StringComparison.Ordinal), "its warm-up line", TimeSpan.FromSeconds(60));
            try
            {
                await Eventually.HoldsAsync(
                    () => OutboxKit.CountAsync(_database, DeliveryStatus.Sent), sent => sent == 1 + BeforeKill + WhileDown, "every delivery to be sent", TimeSpan.FromSeconds(90));
            }
            catch (TimeoutException timeout)
            {
                throw new TimeoutException($"{timeout.Message}; the restarted silo printed:\n{string.Join('\n', silo.Output.Where(l => !l.TrimStart().StartsWith("at ", StringComparison.Ordinal)).TakeLast(60))}");
            }
        }

        var expected = Keys("kill:before", BeforeKill).Concat(Keys("kill:down", WhileDown)).Append("kill:stalled").Order().ToArray();
        Assert.Equal(expected, receiver.Accepted.Order().ToArray()); // each accepted exactly once
        Assert.Equal(2, receiver.RequestsFor("kill:stalled")); // cut off by the kill, then sent again after its lease
        Assert.Equal(0, await _database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE status <> $1", (short)DeliveryStatus.Sent));
        Assert.Equal(2, await _database.ScalarAsync<int>("SELECT attempts FROM om_alert_deliveries WHERE idempotency_key = 'kill:stalled'"));
        Assert.Equal(0, await _database.ScalarAsync<long>("SELECT count(*) FROM om_alert_deliveries WHERE idempotency_key <> 'kill:stalled' AND attempts <> 1"));
    }

    private static IEnumerable<string> Keys(string prefix, int count) => Enumerable.Range(0, count).Select(i => $"{prefix}:{i}");

    /// <summary>
    /// A receiver that accepts each delivery with 200 and remembers its Idempotency-Key, except the first request for
    /// <paramref name="stalledKey"/>: that one it holds without answering until the sender's connection goes away.
    /// </summary>
    private sealed class StallingReceiver(string stalledKey)
    {
        private readonly ConcurrentQueue<string> _accepted = new();
        private readonly ConcurrentDictionary<string, int> _requests = new();
        private int _holding;

        public bool Holding => Volatile.Read(ref _holding) == 1;

        public int AcceptedCount => _accepted.Count;

        public IReadOnlyCollection<string> Accepted => _accepted;

        public int RequestsFor(string key) => _requests.GetValueOrDefault(key);

        public async Task AnswerAsync(HttpContext context)
        {
            var key = context.Request.Headers["Idempotency-Key"].ToString();
            var seen = _requests.AddOrUpdate(key, 1, (_, n) => n + 1);
            if (key == stalledKey && seen == 1)
            {
                Volatile.Write(ref _holding, 1);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(60), context.RequestAborted); // the kill closes the connection first
                }
                catch (OperationCanceledException)
                {
                }

                return; // no answer: this request was never accepted
            }

            _accepted.Enqueue(key);
            context.Response.StatusCode = StatusCodes.Status200OK;
        }
    }
}
