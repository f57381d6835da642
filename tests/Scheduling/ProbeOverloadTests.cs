using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Scheduling;

/// <summary>
/// Many monitors aimed at targets that never answer (a listener that accepts and stays silent, and one whose accept
/// queue is full so connects hang), on a silo bounded to a few probes in flight: the bound holds, every hung probe
/// ends as a timeout, and healthy monitors keep their schedule.
/// </summary>
public sealed class ProbeOverloadTests : IAsyncLifetime
{
    private const int Bound = 24;
    private const int HangingPerTarget = 60;
    private readonly MonitoringCluster _cluster = new(settings: new Dictionary<string, string?>
    {
        ["Probes:MaxInFlight"] = Bound.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Probes:FailingShare"] = "0.75",
    });

    public Task InitializeAsync() => _cluster.InitializeAsync();

    public Task DisposeAsync() => _cluster.DisposeAsync();

    private async Task<(IMonitorGrain Grain, Guid Workspace)> CreateAsync(MonitorConfig config)
    {
        var workspace = Guid.NewGuid();
        var grain = _cluster.Client.GetGrain<IMonitorGrain>(Guid.NewGuid());
        Assert.NotNull((await grain.CreateAsync(WorkspaceAccess.OwnerOf(workspace), "owner@example.test", config)).Monitor);
        return (grain, workspace);
    }

    [Fact]
    public async Task HungTargetsNeverTakeMoreThanTheBoundAndHealthyMonitorsKeepTheirSchedule()
    {
        await using var healthyTarget = LocalHttpTarget.Start();
        await using var silent = SilentTarget.Start();
        await using var backlog = await FullBacklogTarget.StartAsync();
        var healthy = new List<(IMonitorGrain Grain, Guid Workspace)>();
        for (var i = 0; i < 8; i++)
        {
            healthy.Add(await CreateAsync(TestMonitors.Http($"Healthy {i}", healthyTarget.Url)));
        }

        foreach (var (grain, workspace) in healthy)
        {
            await Eventually.HoldsAsync(() => grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)), m => m!.Heartbeats.Count >= 1 && !m.Heartbeats[0].IsDown, "the healthy monitors to be known good");
        }

        var hanging = new List<(IMonitorGrain Grain, Guid Workspace)>();
        for (var i = 0; i < HangingPerTarget; i++)
        {
            hanging.Add(await CreateAsync(TestMonitors.Http($"Silent {i}", silent.Url)));
            hanging.Add(await CreateAsync(TestMonitors.Http($"Backlog {i}", backlog.Url)));
        }

        // Longer than the request timeout: sample the sockets to the hung targets while probes pile up behind the bound.
        var runner = _cluster.SiloService<ProbeRunner>();
        var measureFrom = DateTimeOffset.UtcNow;
        var mostOpen = 0;
        var (limit, openBefore) = (DescriptorLimit.Read()?.Soft, DescriptorLimit.OpenCount());
        var mostDescriptors = 0;
        while (DateTimeOffset.UtcNow < measureFrom.AddSeconds(12))
        {
            mostOpen = Math.Max(mostOpen, LoopbackSockets.OpenTo(silent.Port) + LoopbackSockets.OpenTo(backlog.Port) - backlog.Fillers);
            mostDescriptors = Math.Max(mostDescriptors, DescriptorLimit.OpenCount() ?? 0);
            await Task.Delay(100);
        }

        Assert.Equal(Bound, runner.MaxInFlight);
        Assert.InRange(runner.HighWater, 1, Bound);
        // Sockets to the hung targets follow the bound (120 monitors aim at them); a cancelled connection takes a moment
        // to close after its slot frees, longer on a loaded machine.
        Assert.InRange(mostOpen, 1, Bound + (Bound / 2));
        Assert.True(runner.Delayed > 0, "probes had to wait for slots: the bound was reached");
        Assert.True(limit is null || mostDescriptors < limit, $"descriptors ({mostDescriptors}) stay below the limit ({limit}); {openBefore} were open before");

        // Every hung probe that ran ended as a down heartbeat with a timeout message.
        var hungHeartbeats = (await Task.WhenAll(hanging.Select(m => m.Grain.GetAsync(WorkspaceAccess.OwnerOf(m.Workspace))))).SelectMany(m => m!.Heartbeats).ToArray();
        Assert.NotEmpty(hungHeartbeats);
        Assert.All(hungHeartbeats, h => Assert.True(h.IsDown && h.Message.Contains("timed out", StringComparison.Ordinal), $"{h.Status}: {h.Message}"));

        // The healthy monitors kept probing on their 1 s grid and stayed up. A loaded machine may start a probe late by
        // most of a second, which shortens the gap to the next point of the grid: a short gap is fine right after a long
        // one. A doubled probe (two starts for one point) gives a short gap after an ordinary one.
        foreach (var (grain, workspace) in healthy)
        {
            var monitor = (await grain.GetAsync(WorkspaceAccess.OwnerOf(workspace)))!;
            var all = monitor.Heartbeats.OrderBy(h => h.Date).ToArray();
            var recent = all.Where(h => h.Date > measureFrom).ToArray();
            Assert.True(recent.Length >= 8, $"a healthy monitor probed {recent.Length} times in 12 s");
            Assert.All(recent, h => Assert.False(h.IsDown));
            var gaps = all.Zip(all.Skip(1), (first, second) => (At: second.Date, Milliseconds: (second.Date - first.Date).TotalMilliseconds)).ToArray();
            for (var i = 0; i < gaps.Length; i++)
            {
                if (gaps[i].At <= measureFrom)
                {
                    continue;
                }

                Assert.InRange(gaps[i].Milliseconds, 0, 3000);
                if (gaps[i].Milliseconds < 100)
                {
                    Assert.True(i > 0 && gaps[i - 1].Milliseconds >= 1500, $"two probes {gaps[i].Milliseconds} ms apart after a gap of {(i > 0 ? gaps[i - 1].Milliseconds : 0)} ms: a doubled probe, not a late one");
                }
            }
        }
    }
}
