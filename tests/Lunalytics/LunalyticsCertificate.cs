namespace OrleansMonitor.Tests.Lunalytics;

/// <summary>The Lunalytics Certificate object: only <see cref="IsValid"/> until a certificate was read.</summary>
public sealed record LunalyticsCertificate(
    bool IsValid,
    IReadOnlyDictionary<string, string>? Issuer = null,
    string? ValidFrom = null,
    string? ValidTill = null,
    IReadOnlyList<string>? ValidOn = null,
    int? DaysRemaining = null);
