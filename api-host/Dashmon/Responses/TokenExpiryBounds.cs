namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>The days an API token may live, when it expires at all.</summary>
public sealed record TokenExpiryBounds(int Min, int Max, bool Optional);
