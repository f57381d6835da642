namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>Awaits a condition with a deadline, and says what was awaited when it does not come.</summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="probe"/> until <paramref name="condition"/> holds. A probe that throws (a cluster in the
    /// middle of losing a silo, say) counts as "not yet"; its last error is reported if the deadline passes.
    /// </summary>
    public static async Task<T> HoldsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var deadline = DateTime.UtcNow + limit;
        T? last = default;
        Exception? lastError = null;
        do
        {
            try
            {
                last = await probe();
                lastError = null;
                if (condition(last))
                {
                    return last;
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                lastError = ex;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new TimeoutException(
            $"Timed out after {limit} waiting for {what}; last value: {last?.ToString() ?? "none"}",
            lastError);
    }
}
