namespace OrleansMonitor.Tests.StatusPages;

/// <summary>The answer of a status page change: the page, and the token when the change issued one.</summary>
public sealed record StatusPageBody(bool Success, DashmonStatusPage StatusPage, string? Token);
