using System.Diagnostics;
using OrleansMonitor.Grains.Scheduling;

namespace OrleansMonitor.Bench;

/// <summary>This process's resident memory and open descriptors, sampled every 250 ms while a window runs; the highest seen.</summary>
public sealed class ProcessFigures : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _maxRss;
    private int _maxDescriptors;

    private ProcessFigures() => _sampling = SampleAsync();

    public long MaxRssMb => Interlocked.Read(ref _maxRss) / (1024 * 1024);

    public int MaxDescriptors => Volatile.Read(ref _maxDescriptors);

    public static ProcessFigures Start() => new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using (var self = Process.GetCurrentProcess())
            {
                InterlockedMax(ref _maxRss, self.WorkingSet64);
            }

            var descriptors = DescriptorLimit.OpenCount() ?? 0;
            if (descriptors > Volatile.Read(ref _maxDescriptors))
            {
                Volatile.Write(ref _maxDescriptors, descriptors);
            }

            await Task.Delay(250, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
