using System.ComponentModel;

namespace OrleansMonitor.ApiHost.Account.Responses;

/// <summary>The caller's preferences.</summary>
public sealed record UserPreferences([property: Description("An IANA zone name such as Europe/Paris or UTC; reports use it.")] string Timezone);
