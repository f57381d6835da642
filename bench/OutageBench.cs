using System.Diagnostics;
using Npgsql;
using OrleansMonitor.Grains.Scheduling;

namespace OrleansMonitor.Bench;

/// <summary>
/// A mass outage: every monitor's target stops answering (connections accepted, nothing said) for a while, then
/// answers again. The silo must not crash; every monitor must probe its target up again within one interval of the
/// recovery. Figures are sampled through the outage.
/// </summary>
public static class OutageBench
{
    public static async Task RunAsync(BenchOptions options, string connectionString)
    {
        Console.WriteLine($"outage: {options.Monitors:N0} HTTP monitors at {options.IntervalSeconds} s (timeout 10 s), target silent for {options.OutageSeconds} s, {Environment.ProcessorCount} cores");
        var silo = await BenchSilo.StartAsync(connectionString);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var stats = silo.Services.GetRequiredService<SchedulingStats>();
        var runner = silo.Services.GetRequiredService<ProbeRunner>();
        var workspace = Guid.NewGuid();
        var monitors = await BenchMonitors.CreateIdleAsync(grains, options, workspace, 0, options.Monitors);
        await BenchMonitors.SwitchAsync(grains, options, workspace, monitors);
        await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds + 10));
        Console.WriteLine($"steady before the outage: lateness p99 {stats.LagPercentileMs(99)} ms, probe bound {runner.MaxInFlight}, {BenchMonitors.Retries} client calls retried, {BenchMonitors.NotCreated} monitors not created");
        await DownHeartbeats.PrintAsync(connectionString, "before the outage");

        var controlPort = options.TargetPort + options.TargetPorts;
        await BenchTarget.SwitchAsync(controlPort, silent: true);
        var silentAt = Stopwatch.StartNew();
        await using (var figures = ProcessFigures.Start())
        {
            while (silentAt.Elapsed < TimeSpan.FromSeconds(options.OutageSeconds))
            {
                await Task.Delay(TimeSpan.FromSeconds(10));
                Console.WriteLine(FormattableString.Invariant(
                    $"  silent {silentAt.Elapsed.TotalSeconds:F0} s: {runner.InFlight:N0} in flight, {runner.Waiting:N0} waiting, {runner.Delayed:N0} delayed and {runner.Skipped:N0} skipped so far, {DescriptorLimit.OpenCount()} descriptors, RSS {Process.GetCurrentProcess().WorkingSet64 / (1024 * 1024):N0} MB"));
            }

            Console.WriteLine($"through the outage: at most {figures.MaxDescriptors:N0} descriptors (limit {DescriptorLimit.Read()?.Soft}), {runner.HighWater:N0} probes in flight, RSS at most {figures.MaxRssMb:N0} MB; the silo stayed up");
        }

        var recoveredAt = DateTimeOffset.UtcNow;
        await BenchTarget.SwitchAsync(controlPort, silent: false);
        stats.Reset();
        await using var database = NpgsqlDataSource.Create(connectionString);
        var deadline = Stopwatch.StartNew();
        long probedUp = 0;
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            await using var count = database.CreateCommand("SELECT count(DISTINCT monitor_id) FROM om_heartbeats WHERE checked_at >= $1 AND NOT is_down");
            count.Parameters.AddWithValue(recoveredAt.UtcDateTime);
            probedUp = (long)(await count.ExecuteScalarAsync())!;
            if (probedUp >= options.Monitors)
            {
                break;
            }
        }

        await using var last = database.CreateCommand("""
            SELECT max(first_up) FROM (SELECT monitor_id, min(checked_at) AS first_up FROM om_heartbeats WHERE checked_at >= $1 AND NOT is_down GROUP BY monitor_id) up
            """);
        last.Parameters.AddWithValue(recoveredAt.UtcDateTime);
        var lastUp = await last.ExecuteScalarAsync() is DateTime at ? new DateTimeOffset(at, TimeSpan.Zero) : (DateTimeOffset?)null;
        Console.WriteLine(probedUp >= options.Monitors && lastUp is { } when
            ? $"after the outage: every one of {options.Monitors:N0} monitors probed its target up again within {(when - recoveredAt).TotalSeconds:F1} s of the recovery"
            : $"after the outage: only {probedUp:N0} of {options.Monitors:N0} monitors probed up again within 5 minutes");
        await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds));
        Console.WriteLine($"lateness since the recovery: p50 {stats.LagPercentileMs(50)} ms, p99 {stats.LagPercentileMs(99)} ms");
        await silo.StopAsync();
        silo.Dispose();
    }
}
