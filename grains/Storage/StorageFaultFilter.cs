using System.Data.Common;
using Microsoft.Extensions.Logging;
using OrleansMonitor.GrainInterfaces.Faults;

namespace OrleansMonitor.Grains.Storage;

/// <summary>
/// Turns a database failure escaping a grain call into <see cref="StorageUnavailableException"/>, which travels to the
/// caller (the driver's exceptions cannot be serialized), and logs it once here with the grain and method.
/// </summary>
public sealed class StorageFaultFilter(ILogger<StorageFaultFilter> logger) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        catch (Exception ex) when (IsStorageFault(ex))
        {
            logger.LogWarning(ex, "{Grain}.{Method} failed on the database", context.TargetId, context.MethodName);
            throw new StorageUnavailableException($"The database is unavailable: {ex.GetBaseException().Message}");
        }
    }

    private static bool IsStorageFault(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is DbException or TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
