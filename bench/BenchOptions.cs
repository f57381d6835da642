namespace OrleansMonitor.Bench;

/// <summary>Command-line settings of a benchmark run.</summary>
public sealed record BenchOptions
{
    public int Monitors { get; init; } = 5_000;
    public int IntervalSeconds { get; init; } = 20;
    public int MeasureSeconds { get; init; } = 60;
    public int RestartMonitors { get; init; } = 10_000;
    public int HistoryHours { get; init; }
    public IReadOnlyList<int> OverloadSteps { get; init; } = [50_000, 75_000, 100_000, 125_000, 150_000];
    public int OutageSeconds { get; init; } = 120;
    public int TargetPort { get; init; } = 18080;
    public int TargetPorts { get; init; } = 8;
    public string Phase { get; init; } = "all";
    public int ListDevices { get; init; } = 5_000;
    public string? ApiHostDll { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--monitors" => options with { Monitors = int.Parse(value) },
                "--interval" => options with { IntervalSeconds = int.Parse(value) },
                "--seconds" => options with { MeasureSeconds = int.Parse(value) },
                "--restart-monitors" => options with { RestartMonitors = int.Parse(value) },
                "--history-hours" => options with { HistoryHours = int.Parse(value) },
                "--overload-steps" => options with { OverloadSteps = value.Split(',').Select(int.Parse).ToArray() },
                "--outage-seconds" => options with { OutageSeconds = int.Parse(value) },
                "--target-port" => options with { TargetPort = int.Parse(value) },
                "--target-ports" => options with { TargetPorts = int.Parse(value) },
                "--phase" => options with { Phase = value },
                "--list-devices" => options with { ListDevices = int.Parse(value) },
                "--api-host-dll" => options with { ApiHostDll = value },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }

        return options;
    }
}
