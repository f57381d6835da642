using System.Diagnostics;
using OrleansMonitor.GrainInterfaces.Monitors;
using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Bench;

/// <summary>
/// Steady probing of N monitors (throughput, lateness, memory, CPU per probe), then a full silo restart (optionally
/// after giving every monitor a day of history) timed until every monitor has probed again.
/// </summary>
public static class EngineBench
{
    public static async Task RunAsync(BenchOptions options, string connectionString)
    {
        Console.WriteLine($"benchmark: {options.Monitors} HTTP monitors at {options.IntervalSeconds} s against 127.0.0.1:{options.TargetPort}..{options.TargetPort + options.TargetPorts - 1}, {Environment.ProcessorCount} cores");
        var silo = await BenchSilo.StartAsync(connectionString);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var stats = silo.Services.GetRequiredService<SchedulingStats>();
        var writer = silo.Services.GetRequiredService<HeartbeatWriter>();
        var workspace = Guid.NewGuid();
        var benchStarted = DateTimeOffset.UtcNow;

        // Create every monitor idle (600 s interval: few probe during creation) to measure the cost of an idle monitor,
        // then switch them all to the benchmark interval.
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var createWatch = Stopwatch.StartNew();
        var ids = new Guid[options.Monitors];
        await Parallel.ForAsync(0, options.Monitors, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
        {
            ids[i] = Guid.NewGuid();
            var outcome = await grains.GetGrain<IMonitorGrain>(ids[i]).CreateAsync(WorkspaceAccess.OwnerOf(workspace), "bench@example.test", BenchMonitors.Config(options, i, 600));
            if (outcome.Monitor is null)
            {
                throw new InvalidOperationException("monitor refused: " + string.Join(", ", outcome.Errors ?? new Dictionary<string, string>()));
            }
        });
        var heapIdle = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"created {options.Monitors} monitors in {createWatch.Elapsed.TotalSeconds:F1} s ({options.Monitors / createWatch.Elapsed.TotalSeconds:F0}/s)");
        Console.WriteLine($"managed memory per idle monitor (active grain, no history yet): {(heapIdle - heapBefore) / (double)options.Monitors / 1024:F2} KB");
        await Parallel.ForAsync(0, options.Monitors, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await grains.GetGrain<IMonitorGrain>(ids[i]).UpdateAsync(WorkspaceAccess.OwnerOf(workspace), BenchMonitors.Config(options, i, options.IntervalSeconds)));

        // Let every monitor reach its first probe, then measure a steady window.
        await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds + 2));
        stats.Reset();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var window = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(options.MeasureSeconds));
        var probes = stats.Probes;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var elapsed = window.Elapsed.TotalSeconds;
        var heapRunning = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"sustained probes/s: {probes / elapsed:F0} (planned {options.Monitors / (double)options.IntervalSeconds:F0})");
        Console.WriteLine($"scheduling lag p50: {stats.LagPercentileMs(50)} ms, p99: {stats.LagPercentileMs(99)} ms");
        Console.WriteLine($"CPU seconds per 1,000 probes: {cpu.TotalSeconds / Math.Max(1, probes) * 1000:F3} (engine process, {cpu.TotalSeconds:F1} s CPU over {elapsed:F0} s)");
        Console.WriteLine($"managed memory per monitor (probing, a few minutes of history): {(heapRunning - heapBefore) / (double)options.Monitors / 1024:F2} KB");
        Console.WriteLine($"heartbeat writer: written {writer.Written}, pending {writer.Pending}, dropped {writer.Dropped}");

        // Restart: top up to the restart population at a long interval (idle), stop the silo, start a new one, and time
        // how long until every monitor has probed again.
        var extra = Math.Max(0, options.RestartMonitors - options.Monitors);
        var extraIds = Enumerable.Range(0, extra).Select(_ => Guid.NewGuid()).ToArray();
        await Parallel.ForAsync(0, extra, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, _) =>
            await grains.GetGrain<IMonitorGrain>(extraIds[i]).CreateAsync(WorkspaceAccess.OwnerOf(workspace), "bench@example.test", BenchMonitors.Config(options, i, options.IntervalSeconds)));
        var total = options.Monitors + extra;
        await silo.StopAsync();
        silo.Dispose();
        Console.WriteLine($"silo stopped with {total} monitors");
        if (options.HistoryHours > 0)
        {
            await HistorySeeder.SeedAsync(connectionString, [.. ids, .. extraIds], options.IntervalSeconds, TimeSpan.FromHours(options.HistoryHours), benchStarted);
        }

        Console.WriteLine("starting a new silo");

        var restartWatch = Stopwatch.StartNew();
        var revived = await BenchSilo.StartAsync(connectionString);
        var revivedStats = revived.Services.GetRequiredService<SchedulingStats>();
        var warmup = revived.Services.GetRequiredService<MonitorWarmup>();
        var deadline = TimeSpan.FromSeconds(180);
        TimeSpan? halfway = null;
        while (revivedStats.ActivationsProbed < total && restartWatch.Elapsed < deadline)
        {
            halfway ??= revivedStats.ActivationsProbed >= total / 2 ? restartWatch.Elapsed : null;
            await Task.Delay(250);
        }

        var probed = revivedStats.ActivationsProbed;
        var restartElapsed = restartWatch.Elapsed;
        // The figure is printed whether or not the warm-up has finished: a warm-up still going is itself the finding.
        var warmupDone = await Task.WhenAny(warmup.Completion, Task.Delay(TimeSpan.FromSeconds(60))) == warmup.Completion;
        var warmupText = warmupDone
            ? $"warm-up woke {warmup.Woken} in {warmup.Duration.TotalSeconds:F1} s, {warmup.Failed} failed"
            : $"warm-up still running after {restartWatch.Elapsed.TotalSeconds:F0} s";
        Console.WriteLine(probed >= total
            ? $"after restart: all {total} monitors probed again within {restartElapsed.TotalSeconds:F1} s (half within {halfway?.TotalSeconds:F1} s; {warmupText})"
            : $"after restart: only {probed} of {total} monitors probed within {deadline.TotalSeconds:F0} s (half within {halfway?.TotalSeconds:F1} s; {warmupText})");
        await revived.StopAsync();
        revived.Dispose();
    }
}
