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

    /// <summary>
    /// Creates monitors <paramref name="from"/>..<paramref name="to"/> idle (600 s) and returns those created: index and id.
    /// A create still timing out after every retry (the machine past its capacity) is counted in <see cref="NotCreated"/>
    /// and left out, so a benchmark past capacity reports it instead of ending; a create the engine refuses is a
    /// benchmark bug and ends the run.
    /// </summary>
    public static async Task<IReadOnlyList<BenchMonitor>> CreateIdleAsync(IGrainFactory grains, BenchOptions options, Guid workspace, int from, int to)
    {
        var created = new BenchMonitor?[to - from];
        await Parallel.ForAsync(from, to, new ParallelOptions { MaxDegreeOfParallelism = CreateParallelism }, async (i, _) =>
        {
            var id = Guid.NewGuid();
            MonitorOutcome outcome;
            try
            {
                outcome = await WithRetriesAsync(() => grains.GetGrain<IMonitorGrain>(id).CreateAsync(WorkspaceAccess.OwnerOf(WorkspaceOf(workspace, i)), "bench@example.test", Config(options, i, 600)));
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or OrleansException)
            {
                Interlocked.Increment(ref _notCreated);
                return;
            }

            if (outcome.Monitor is null)
            {
                throw new InvalidOperationException(
                    $"monitor {i} refused (plan limit {outcome.PlanLimitReached}, project missing {outcome.ProjectNotFound}): " + string.Join(", ", outcome.Errors ?? new Dictionary<string, string>()));
            }

            created[i - from] = new BenchMonitor(i, id);
        });
        return [.. created.OfType<BenchMonitor>()];
    }

    /// <summary>Creates that still timed out after every retry, so far.</summary>
    public static long NotCreated => Interlocked.Read(ref _notCreated);

    /// <summary>Calls the engine refused with 503-like faults (the database timing out under load) and repeated: how many so far.</summary>
    public static long Retries => Interlocked.Read(ref _retries);

    /// <summary>Creates in flight at once: enough to create tens of thousands in minutes, few enough not to starve the probes of a loaded silo.</summary>
    private const int CreateParallelism = 8;

    /// <summary>Attempts of one call at most: with 30 s call time-outs and back-off up to 10 s, a call gives up after about 13 minutes.</summary>
    private const int MaxAttempts = 20;

    private static long _retries;
    private static long _notCreated;

    /// <summary>
    /// A client's call during a load spike may time out or find the database busy (<c>storage_unavailable</c>); like any
    /// API client, the benchmark retries it with backoff (bounded in count) instead of giving up at once.
    /// </summary>
    private static async Task<T> WithRetriesAsync<T>(Func<Task<T>> call)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception) when (attempt < MaxAttempts)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt * 2, 10)));
            }
        }
    }

    /// <summary>Switches monitors to the benchmark interval.</summary>
    public static Task SwitchAsync(IGrainFactory grains, BenchOptions options, Guid workspace, IReadOnlyList<BenchMonitor> monitors) =>
        Parallel.ForAsync(0, monitors.Count, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            var (index, id) = monitors[i];
            await WithRetriesAsync(() => grains.GetGrain<IMonitorGrain>(id).UpdateAsync(WorkspaceAccess.OwnerOf(WorkspaceOf(workspace, index)), Config(options, index, options.IntervalSeconds)));
        });
}
