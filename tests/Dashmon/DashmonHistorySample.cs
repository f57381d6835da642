using System.Text.Json;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>One sample of a device's history; <see cref="Status"/> is the HTTP code as a number, or ALIVE / DOWN / TIMEOUT as text.</summary>
public sealed record DashmonHistorySample(string Time, bool Up, int LatencyMs, JsonElement Status, string Message);
