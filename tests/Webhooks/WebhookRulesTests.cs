using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Webhooks;

namespace OrleansMonitor.Tests.Webhooks;

/// <summary>The webhook rules without a cluster: what each notification type needs, what is cleaned, and the alias rule.</summary>
public sealed class WebhookRulesTests
{
    [Fact]
    public void AValidWebhookIsTrimmedItsNumbersNormalisedAndUnusedTargetsDropped()
    {
        var (webhook, errors) = WebhookRules.Check(new NewWebhook(
            "  Production Alerts  ", "  Critical  ", [NotificationType.Sms, NotificationType.Call, NotificationType.PushNotif],
            new WebhookTargets("unused@example.test", "+49 (151) 123-45678", null)));

        Assert.Empty(errors);
        Assert.NotNull(webhook);
        Assert.Equal(("Production Alerts", "Critical"), (webhook.Name, webhook.Description));
        Assert.Equal(new WebhookTargets(null, "+4915112345678", null), webhook.Targets);
    }

    [Theory]
    [InlineData(new[] { NotificationType.Email }, null, null, null, "targetChannels.email")]
    [InlineData(new[] { NotificationType.Email }, "no-at-sign", null, null, "targetChannels.email")]
    [InlineData(new[] { NotificationType.Sms }, null, "+12", null, "targetChannels.sms")]
    [InlineData(new[] { NotificationType.Call }, null, null, null, "targetChannels.sms")]
    [InlineData(new[] { NotificationType.Call }, null, "+15551234567", "nope", "targetChannels.call")]
    [InlineData(new NotificationType[0], null, null, null, "notificationTypes")]
    [InlineData(new[] { NotificationType.PushNotif, NotificationType.PushNotif }, null, null, null, "notificationTypes")]
    [InlineData(new[] { (NotificationType)9 }, null, null, null, "notificationTypes")]
    public void EachTypeNeedsATargetItCanReach(NotificationType[] types, string? email, string? sms, string? call, string field)
    {
        var (webhook, errors) = WebhookRules.Check(new NewWebhook("Valid name", null, types, new WebhookTargets(email, sms, call)));

        Assert.Null(webhook);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void ACallFallsBackToTheSmsNumber()
    {
        var (webhook, errors) = WebhookRules.Check(new NewWebhook("Ring me", null, [NotificationType.Call], new WebhookTargets(null, "+15551234567", null)));

        Assert.Empty(errors);
        Assert.Equal(new WebhookTargets(null, "+15551234567", null), webhook!.Targets);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("   a  ")]
    [InlineData("tab\tinside")]
    public void NamesMustBeOneLineOfThreeCharactersOrMore(string name)
    {
        var (_, errors) = WebhookRules.Check(new NewWebhook(name, null, [NotificationType.PushNotif], WebhookTargets.None));

        Assert.Equal(["name"], errors.Keys);
    }

    [Theory]
    [InlineData("Production Alerts", "production-alerts")]
    [InlineData("  --Prod__Alerts--  ", "prod-alerts")]
    [InlineData("Crème brûlée", "creme-brulee")]
    [InlineData("日本語", "webhook")]
    public void TheAliasIsALowercaseAsciiSlug(string name, string alias) => Assert.Equal(alias, WebhookRules.Slug(name));

    [Fact]
    public void ALongNameMakesAnAliasOfAtMostFortyEightCharactersAndNumberedOnesStayWithinIt()
    {
        var slug = WebhookRules.Slug(new string('a', 300));
        Assert.Equal(WebhookRules.AliasMaxLength, slug.Length);

        var taken = new HashSet<string>(StringComparer.Ordinal) { slug, slug[..46] + "-2" };
        var next = WebhookRules.UniqueAlias(slug, taken);
        Assert.Equal(slug[..46] + "-3", next);
        Assert.Equal("prod", WebhookRules.UniqueAlias("prod", new HashSet<string>(StringComparer.Ordinal)));
    }
}
