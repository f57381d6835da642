using OrleansMonitor.GrainInterfaces.Monitors;

namespace OrleansMonitor.Bench;

/// <summary>The monitors every phase creates: HTTP, spread over the target's ports.</summary>
public static class BenchMonitors
{
    public static MonitorConfig Config(BenchOptions options, int i, int interval) => new()
    {
        Name = $"bench {i}",
        Type = MonitorType.Http,
        Url = $"http://127.0.0.1:{options.TargetPort + (i % options.TargetPorts)}/health",
        Method = "GET",
        Interval = interval,
        RetryInterval = interval,
        RequestTimeout = 10,
    };

    /// <summary>Creates monitors <paramref name="from"/>..<paramref name="to"/> idle (600 s) and returns their ids.</summary>
    public static async Task<Guid[]> CreateIdleAsync(IGrainFactory grains, BenchOptions options, Guid workspace, int from, int to)
    {
        var ids = new Guid[to - from];
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            ids[i - from] = Guid.NewGuid();
            var outcome = await grains.GetGrain<IMonitorGrain>(ids[i - from]).CreateAsync(workspace, "bench@example.test", Config(options, i, 600));
            if (outcome.Monitor is null)
            {
                throw new InvalidOperationException("monitor refused: " + string.Join(", ", outcome.Errors ?? new Dictionary<string, string>()));
            }
        });
        return ids;
    }

    /// <summary>Switches monitors to the benchmark interval.</summary>
    public static Task SwitchAsync(IGrainFactory grains, BenchOptions options, Guid workspace, IReadOnlyList<Guid> ids, int firstIndex) =>
        Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await grains.GetGrain<IMonitorGrain>(ids[i]).UpdateAsync(workspace, Config(options, firstIndex + i, options.IntervalSeconds)));
}
