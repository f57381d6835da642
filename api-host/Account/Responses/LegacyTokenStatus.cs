namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>The single legacy API token of older installs: this one has none and supports none.</summary>
public sealed record LegacyTokenStatus(bool Exists, bool Supported);
