namespace OrleansMonitor.GrainInterfaces.Faults;

/// <summary>
/// A grain call could not complete because the database refused or could not be reached. Raised in place of the
/// driver's own exception (which does not travel between processes); the API answers it with 503.
/// </summary>
[GenerateSerializer, Alias("OrleansMonitor.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
