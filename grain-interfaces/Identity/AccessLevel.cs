namespace OrleansMonitor.GrainInterfaces.Identity;

/// <summary>What a credential may do. Sessions act with the full rights of the user.</summary>
[GenerateSerializer, Alias("OrleansMonitor.AccessLevel")]
public enum AccessLevel
{
    ReadOnly = 0,
    ReadWrite = 1,
    Session = 2,
}
