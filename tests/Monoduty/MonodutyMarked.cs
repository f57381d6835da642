namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyMarked(bool Success, long Marked);
