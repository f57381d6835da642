using OrleansMonitor.GrainInterfaces.Monitors;
using OrleansMonitor.GrainInterfaces.Workspaces;

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

    /// <summary>Monitors per workspace: tenants of this size, well inside the premium plan's device limit.</summary>
    public const int PerWorkspace = 25_000;

    /// <summary>The workspace of monitor <paramref name="i"/>: the run's first one, then one more every <see cref="PerWorkspace"/>.</summary>
    public static Guid WorkspaceOf(Guid first, int i)
    {
        var bytes = first.ToByteArray();
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 4), BitConverter.ToInt32(bytes, 0) ^ (i / PerWorkspace));
        return new Guid(bytes);
    }

    /// <summary>Creates monitors <paramref name="from"/>..<paramref name="to"/> idle (600 s) and returns their ids.</summary>
    public static async Task<Guid[]> CreateIdleAsync(IGrainFactory grains, BenchOptions options, Guid workspace, int from, int to)
    {
        var ids = new Guid[to - from];
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            ids[i - from] = Guid.NewGuid();
            var outcome = await WithRetriesAsync(() => grains.GetGrain<IMonitorGrain>(ids[i - from]).CreateAsync(WorkspaceAccess.OwnerOf(WorkspaceOf(workspace, i)), "bench@example.test", Config(options, i, 600)));
            if (outcome.Monitor is null)
            {
                throw new InvalidOperationException(
                    $"monitor {i} refused (plan limit {outcome.PlanLimitReached}, project missing {outcome.ProjectNotFound}): " + string.Join(", ", outcome.Errors ?? new Dictionary<string, string>()));
            }
        });
        return ids;
    }

    /// <summary>Calls the engine refused with 503-like faults (the database timing out under load) and repeated: how many so far.</summary>
    public static long Retries => Interlocked.Read(ref _retries);

    private static long _retries;

    /// <summary>
    /// A client's call during a load spike may time out or find the database busy (<c>storage_unavailable</c>); like any
    /// API client, the benchmark retries it a few times with backoff instead of giving up the run.
    /// </summary>
    private static async Task<T> WithRetriesAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < 6)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromSeconds(attempt * 2));
            }
        }
    }

    /// <summary>Switches monitors to the benchmark interval.</summary>
    public static Task SwitchAsync(IGrainFactory grains, BenchOptions options, Guid workspace, IReadOnlyList<Guid> ids, int firstIndex) =>
        Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await WithRetriesAsync(() => grains.GetGrain<IMonitorGrain>(ids[i]).UpdateAsync(WorkspaceAccess.OwnerOf(WorkspaceOf(workspace, firstIndex + i)), Config(options, firstIndex + i, options.IntervalSeconds))));
}
