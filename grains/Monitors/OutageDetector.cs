namespace OrleansMonitor.Grains.Monitors;

/// <summary>
/// The up/down state machine of one monitor. A failed probe while up is retried (after the retry interval) until
/// <c>failuresBeforeDown</c> consecutive failures declare the monitor down; the first success while down brings it up.
/// </summary>
public sealed class OutageDetector(int failuresBeforeDown, bool isDown)
{
    private int _consecutiveFailures = isDown ? failuresBeforeDown : 0;

    public bool IsDown { get; private set; } = isDown;

    public ProbeVerdict Observe(bool probeSucceeded)
    {
        if (probeSucceeded)
        {
            _consecutiveFailures = 0;
            if (!IsDown)
            {
                return ProbeVerdict.Steady;
            }

            IsDown = false;
            return ProbeVerdict.WentUp;
        }

        _consecutiveFailures++;
        if (IsDown)
        {
            return ProbeVerdict.Steady;
        }

        if (_consecutiveFailures >= failuresBeforeDown)
        {
            IsDown = true;
            return ProbeVerdict.WentDown;
        }

        return ProbeVerdict.Retry;
    }
}
