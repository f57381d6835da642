namespace OrleansMonitor.Grains.Storage;

/// <summary>Names of the Orleans grain storage providers the silo registers.</summary>
public static class StorageNames
{
    public const string Monitors = "monitors";
}
