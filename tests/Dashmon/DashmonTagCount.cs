namespace OrleansMonitor.Tests.Dashmon;

/// <summary>A tag and the number of devices carrying it.</summary>
public sealed record DashmonTagCount(string Tag, int Count);
