using System.Diagnostics;
using Npgsql;
using OrleansMonitor.Bench;
using OrleansMonitor.GrainInterfaces.Monitors;
using OrleansMonitor.Grains.Monitors;
using OrleansMonitor.Grains.Scheduling;
using OrleansMonitor.Grains.Storage;

// Usage: bench/run.sh [--phase engine|lists|overload|outage|all] [--monitors N] [--interval S] [--seconds S]
//        [--restart-monitors N] [--history-hours H] [--overload-steps 50000,75000,...] [--outage-seconds S]
//        (the target process is started by this program: --phase target runs only the HTTP target)
var options = BenchOptions.Parse(args);
if (options.Phase == "target")
{
    // The target ends with the benchmark that started it, even when that one is killed or aborts.
    var parent = Process.GetProcessById(int.Parse(Environment.GetEnvironmentVariable("BENCH_PARENT_PID") ?? Environment.ProcessId.ToString()));
    _ = parent.WaitForExitAsync().ContinueWith(_ => Environment.Exit(0), TaskScheduler.Default);
    await BenchTarget.RunAsync(options.TargetPort, options.TargetPorts);
    return;
}

var connectionString = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
    ?? throw new InvalidOperationException("ConnectionStrings__Postgres is required (bench/run.sh starts a throwaway PostgreSQL)");

using var target = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [Environment.GetCommandLineArgs()[0], "--phase", "target", "--target-port", options.TargetPort.ToString(), "--target-ports", options.TargetPorts.ToString()])
{
    UseShellExecute = false,
    Environment = { ["BENCH_PARENT_PID"] = Environment.ProcessId.ToString() },
})!;
await Task.Delay(1500);
try
{
    if (options.Phase is "all" or "engine")
    {
        await EngineBench.RunAsync(options, connectionString);
    }

    if (options.Phase is "all" or "lists")
    {
        await ListsPhase.RunAsync(options, connectionString);
    }

    if (options.Phase == "overload")
    {
        await OverloadBench.RunAsync(options, connectionString);
    }

    if (options.Phase == "outage")
    {
        await OutageBench.RunAsync(options, connectionString);
    }
}
finally
{
    target.Kill(entireProcessTree: true);
}
