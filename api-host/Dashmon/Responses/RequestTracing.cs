namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>How requests are traced: the request id header every response carries.</summary>
public sealed record RequestTracing(string RequestIdHeader, bool EchoesValidIncomingId);
