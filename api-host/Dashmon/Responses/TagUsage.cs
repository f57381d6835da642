namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A tag and how many devices carry it.</summary>
public sealed record TagUsage(string Tag, int Count);
