using System.Diagnostics;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Bench;

/// <summary>
/// Monitors added in steps past what the machine can probe on time (to the last step, or until lateness p99 passes
/// 5 s): per step the probes per second, lateness p50/p99, delayed and skipped probes, descriptors and resident memory.
/// The silo must stay up through all of it.
/// </summary>
public static class OverloadBench
{
    public static async Task RunAsync(BenchOptions options, string connectionString)
    {
        Console.WriteLine($"overload: HTTP monitors at {options.IntervalSeconds} s in steps of {string.Join(", ", options.OverloadSteps)}, {options.MeasureSeconds} s measured per step, {Environment.ProcessorCount} cores");
        var silo = await BenchSilo.StartAsync(connectionString);
        var grains = silo.Services.GetRequiredService<IGrainFactory>();
        var stats = silo.Services.GetRequiredService<SchedulingStats>();
        var runner = silo.Services.GetRequiredService<ProbeRunner>();
        var writer = silo.Services.GetRequiredService<HeartbeatWriter>();
        Console.WriteLine($"probe bound {runner.MaxInFlight} in flight (descriptor limit {DescriptorLimit.Read()?.Soft})");
        Console.WriteLine("| monitors | planned/s | probes/s | lateness p50 | lateness p99 | delayed | skipped | max descriptors | max RSS | CPU cores | writer dropped |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        var workspace = Guid.NewGuid();
        var created = 0;
        var running = 0;
        var bestOnTime = 0;
        foreach (var step in options.OverloadSteps)
        {
            var monitors = await BenchMonitors.CreateIdleAsync(grains, options, workspace, created, step);
            await BenchMonitors.SwitchAsync(grains, options, workspace, monitors);
            created = step;
            running += monitors.Count; // less than the step when creates timed out for good
            await Task.Delay(TimeSpan.FromSeconds(options.IntervalSeconds + 5));

            stats.Reset();
            var (delayed, skipped, dropped) = (runner.Delayed, runner.Skipped, writer.Dropped);
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var window = Stopwatch.StartNew();
            await using (var figures = ProcessFigures.Start())
            {
                await Task.Delay(TimeSpan.FromSeconds(options.MeasureSeconds));
                var elapsed = window.Elapsed.TotalSeconds;
                var (p50, p99) = (stats.LagPercentileMs(50), stats.LagPercentileMs(99));
                Console.WriteLine(FormattableString.Invariant(
                    $"| {running:N0} | {running / (double)options.IntervalSeconds:N0} | {stats.Probes / elapsed:N0} | {p50:N0} ms | {p99:N0} ms | {runner.Delayed - delayed:N0} | {runner.Skipped - skipped:N0} | {figures.MaxDescriptors:N0} | {figures.MaxRssMb:N0} MB | {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds / elapsed:F2} | {writer.Dropped - dropped:N0} |"));
                if (p99 < 1_000)
                {
                    bestOnTime = running;
                }

                if (p99 > 5_000)
                {
                    Console.WriteLine($"lateness p99 passed 5 s at {running:N0} monitors: stopping the steps");
                    break;
                }
            }
        }

        Console.WriteLine($"highest step with lateness p99 under 1 s: {bestOnTime:N0} monitors; the silo stayed up through {running:N0} ({BenchMonitors.NotCreated:N0} creates timed out for good, {BenchMonitors.Retries:N0} calls retried)");
        await silo.StopAsync();
        silo.Dispose();
    }
}
