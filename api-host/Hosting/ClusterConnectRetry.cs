namespace OrleansMonitor.ApiHost.Hosting;

/// <summary>Keeps retrying the first connection to the cluster (silos may still be starting), with a bounded wait.</summary>
public sealed class ClusterConnectRetry(ILogger<ClusterConnectRetry> logger, TimeProvider time) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);
    private DateTimeOffset? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _firstFailure ??= now;
        if (now - _firstFailure > GiveUpAfter)
        {
            return false;
        }

        logger.LogInformation("Cluster not reachable yet ({Message}); retrying", exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        return true;
    }
}
