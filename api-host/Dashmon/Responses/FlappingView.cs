namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>The flapping rule: more than <see cref="Changes"/> state changes within <see cref="WindowMinutes"/>.</summary>
public sealed record FlappingView(int Changes, int WindowMinutes, int StableMinutes);
