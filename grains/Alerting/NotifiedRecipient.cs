namespace OrleansMonitor.Grains.Alerting;

/// <summary>A destination that was sent an incident's opening, so its resolution reaches it too.</summary>
public sealed record NotifiedRecipient(ChannelKind Channel, string Destination, string? Secret);
