namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>No certificate seen yet: <c>{"isValid": false}</c>.</summary>
public sealed record NoCertificate(bool IsValid) : LunalyticsCertificate(IsValid);
