using System.ComponentModel;
using OrleansMonitor.ApiHost.Dashmon.Responses;
using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Answer of <c>GET /api/user/integration-posture</c>: the token posture, alert routing and recent alert deliveries of the workspace.</summary>
public sealed record IntegrationPostureResponse(
    TokenPosture Tokens,
    AlertRoutingPosture Routing,
    [property: Description("The newest alert deliveries (at most 20), destinations masked.")] IReadOnlyList<DeliveryView> RecentDeliveries,
    DeliveryCountsView DeliveriesLast24Hours,
    [property: Description("True when the workspace's plan accepts bearer tokens.")] bool BearerTokensActive) : SuccessResponse;
