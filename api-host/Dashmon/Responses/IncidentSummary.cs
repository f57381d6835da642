using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>One incident as <c>GET /api/incidents</c> lists it.</summary>
public sealed record IncidentSummary(
    long Id,
    Guid DeviceId,
    string DeviceName,
    [property: Description("The device's project (null once the device is gone).")] Guid? ProjectId,
    [property: Description("open or resolved.")] string Status,
    DateTimeOffset Start,
    DateTimeOffset? End,
    [property: Description("Until the end, or until now while open (3 decimals).")] double DurationSeconds,
    string Cause,
    string? Resolution,
    [property: Description("When the incident was first acknowledged, or null.")] DateTimeOffset? AcknowledgedAt,
    [property: Description("The email of the member who acknowledged it; null for an acknowledge link (or a member gone since).")] string? AcknowledgedBy,
    [property: Description("member (through the API) or link (a signed acknowledge link in an alert); null when not acknowledged.")] string? AcknowledgedVia);
