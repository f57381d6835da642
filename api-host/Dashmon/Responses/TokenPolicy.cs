using System.ComponentModel;
using OrleansMonitor.ApiHost.Identity;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>How API tokens are kept and what they may be.</summary>
public sealed record TokenPolicy(
    [property: Description("How tokens are stored: only their hash.")] string Storage,
    [property: Description("The raw token is shown once, when created.")] bool ShownOnce,
    IReadOnlyList<TokenAccessLevel> AccessLevels,
    TokenExpiryBounds ExpiresInDays);
