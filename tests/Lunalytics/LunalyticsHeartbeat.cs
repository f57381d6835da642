using System.Text.Json;

namespace OrleansMonitor.Tests.Lunalytics;

/// <summary>The Lunalytics Heartbeat object: <see cref="Status"/> is the HTTP code as a number, or ALIVE / DOWN / TIMEOUT as text.</summary>
public sealed record LunalyticsHeartbeat(long Id, JsonElement Status, int Latency, long Date, bool IsDown, string Message);
