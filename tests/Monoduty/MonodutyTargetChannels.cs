namespace OrleansMonitor.Tests.Monoduty;

public sealed record MonodutyTargetChannels(string? Email, string? Sms, string? Call);
