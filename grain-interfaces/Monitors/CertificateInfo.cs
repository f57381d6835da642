namespace OrleansMonitor.GrainInterfaces.Monitors;

/// <summary>The TLS certificate an https probe saw, as the Lunalytics Certificate object describes it.</summary>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.CertificateInfo")]
public sealed record CertificateInfo(
    [property: Id(0)] bool IsValid,
    [property: Id(1)] IReadOnlyDictionary<string, string> Issuer,
    [property: Id(2)] DateTimeOffset ValidFrom,
    [property: Id(3)] DateTimeOffset ValidTill,
    [property: Id(4)] IReadOnlyList<string> ValidOn,
    [property: Id(5)] int DaysRemaining,
    [property: Id(6)] DateTimeOffset CheckedAt);
