using System.Text.Json.Serialization;

namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>A monitor's TLS certificate: <c>{"isValid": false}</c> alone when none was seen, else a <see cref="LunalyticsCertificateDetails"/>.</summary>
[JsonDerivedType(typeof(LunalyticsCertificateDetails))]
public record LunalyticsCertificate([property: JsonPropertyOrder(-1)] bool IsValid);
