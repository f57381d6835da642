using System.ComponentModel;

namespace OrleansMonitor.ApiHost.OpenApi.Schemas;

/// <summary>Body of <c>PUT /api/alerts/email</c> and <c>PUT /api/alerts/sms</c>: the whole rule, replaced.</summary>
public sealed record AlertRuleRequest
{
    [Description("Whether the rule alerts anyone; off when left out.")]
    public bool? Enabled { get; init; }

    [Description("At most 20 email addresses (email rule) or E.164 phone numbers (SMS rule); an enabled rule needs one.")]
    public IReadOnlyList<string>? Recipients { get; init; }

    [Description("The projects whose incidents it covers; every project when empty or left out.")]
    public IReadOnlyList<Guid>? ProjectIds { get; init; }
}
