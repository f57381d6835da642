using OrleansMonitor.ApiHost.Json;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>Answer of <c>GET /api/user/preferences</c> and of setting one.</summary>
public sealed record PreferencesResponse(UserPreferences Preferences) : SuccessResponse;
