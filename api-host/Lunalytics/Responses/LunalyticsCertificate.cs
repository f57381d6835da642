using System.Text.Json.Serialization;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Lunalytics.Responses;

/// <summary>A monitor's TLS certificate: <c>{"isValid": false}</c> alone when none was seen, (<see cref="NoCertificate"/>), else a <see cref="LunalyticsCertificateDetails"/>.</summary>
[JsonConverter(typeof(RuntimeTypeConverter<LunalyticsCertificate>))]
public abstract record LunalyticsCertificate([property: JsonPropertyOrder(-1)] bool IsValid);
