using System.Globalization;

namespace OrleansMonitor.Grains.Probes;

/// <summary>The per-probe deadline: a linked token source cancelled after the request's timeout.</summary>
internal static class ProbeTimeout
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    /// <summary>A token source linked to <paramref name="cancellationToken"/> that also cancels after <paramref name="timeout"/> (none when not positive; at most a day).</summary>
    public static CancellationTokenSource Start(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout > TimeSpan.Zero)
        {
            source.CancelAfter(timeout < Longest ? timeout : Longest);
        }

        return source;
    }

    /// <summary>"1", "2.5": the timeout in seconds for messages.</summary>
    public static string Seconds(TimeSpan timeout) => timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
