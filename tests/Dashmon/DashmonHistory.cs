namespace OrleansMonitor.Tests.Dashmon;

/// <summary>What the history route answers: the samples (oldest first) and the limit applied.</summary>
public sealed record DashmonHistory(string DeviceId, int Limit, int MaxLimit, IReadOnlyList<DashmonHistorySample> Samples);
