using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Grains.Alerting;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Alerting;

/// <summary>
/// Signed acknowledge links over a real PostgreSQL: the key is made once per installation and shared by every process
/// (concurrent first uses agree); a token verifies to its incident until it expires, and nothing else verifies: a
/// changed payload or signature, another installation's token, a token cut short, hostile text.
/// </summary>
public sealed class AcknowledgeLinksTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 12, 0, 0, TimeSpan.Zero);

    private static AcknowledgeLinks Links(TestDatabase db, TimeProvider clock, string publicUrl = "https://monitor.example.test") =>
        new(new SigningKeys(db.DataSource), Options.Create(new AlertLinkOptions { PublicUrl = publicUrl, AcknowledgeLinkLifetime = TimeSpan.FromDays(7) }), clock);

    [Fact]
    public async Task ATokenAcknowledgesItsIncidentOnlyUntilItExpiresAndOnlyItsInstallationsTokensVerify()
    {
        await using var db = await TestDatabase.CreateAsync("acknowledge_links");
        await using var other = await TestDatabase.CreateAsync("acknowledge_links_other");
        var clock = new FakeTimeProvider(Start);
        var workspace = Guid.NewGuid();

        // Processes starting together make one key between them.
        var processes = Enumerable.Range(0, 8).Select(_ => Links(db, clock)).ToArray();
        var tokens = await Task.WhenAll(processes.Select(p => p.TokenForAsync(workspace, 42, Start.AddDays(7))));
        Assert.Single(tokens.Distinct());
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM om_signing_keys"));

        var url = await Links(db, clock).UrlForAsync(workspace, 42);
        Assert.Equal("https://monitor.example.test/ack/" + tokens[0], url);
        Assert.Equal((workspace, 42L), await processes[3].VerifyAsync(tokens[0]));

        // Another installation (another database, another key) signs tokens this one refuses.
        var foreign = await Links(other, clock).TokenForAsync(workspace, 42, Start.AddDays(7));
        Assert.Null(await processes[0].VerifyAsync(foreign));

        // Any change to the payload or the signature, or a token cut or padded, does not verify.
        var (payload, mac) = (tokens[0].Split('.')[0], tokens[0].Split('.')[1]);
        var forged = await Links(other, clock).TokenForAsync(workspace, 43, Start.AddDays(7));
        string[] refused =
        [
            forged.Split('.')[0] + "." + mac, // another incident's payload with this one's signature
            payload + "." + mac[..^2] + (mac[^2] == 'A' ? "B" : "A") + mac[^1],
            payload,
            payload + "." + mac + ".x",
            "",
            "not a token",
            "ack\0." + mac,
            "\ud800." + mac,
            new string('A', 300) + "." + mac,
        ];
        foreach (var token in refused)
        {
            Assert.Null(await processes[0].VerifyAsync(token));
        }

        // Expired: a second before its end it works, at its end it does not.
        clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1));
        Assert.NotNull(await processes[0].VerifyAsync(tokens[0]));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(await processes[0].VerifyAsync(tokens[0]));
    }

    [Fact]
    public async Task WithoutAPublicUrlAlertsCarryNoLink()
    {
        await using var db = await TestDatabase.CreateAsync("acknowledge_links_none");
        Assert.Null(await Links(db, TimeProvider.System, publicUrl: string.Empty).UrlForAsync(Guid.NewGuid(), 1));
    }
}
