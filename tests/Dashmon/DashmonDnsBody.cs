namespace OrleansMonitor.Tests.Dashmon;

/// <summary>Body of the dns-config route answers the settings in <c>dns</c>.</summary>
public sealed record DashmonDnsBody(DashmonDns Dns);
