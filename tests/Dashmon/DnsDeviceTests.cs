using System.Net;
using System.Net.Http.Json;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Dashmon;

/// <summary>DNS devices against a DNS server the test starts on loopback, and their dns-config route.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DnsDeviceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DnsDeviceIsUpWhileTheAnswerMatchesAndDownWhenItDoesNot()
    {
        var user = await fixture.NewUserAsync();
        await using var dns = LocalDnsServer.Start();
        dns.AddA("app.example.test", "192.0.2.10").AddMx("example.test", 10, "mail.example.test");
        var project = await user.CreateProjectAsync("Names");
        var id = (await user.CreateDeviceAsync(project, new
        {
            name = "App record",
            type = "dns",
            interval = 20,
            timeout = 5,
            dns = new { recordType = "a", name = "app.example.test.", resolver = dns.Endpoint, expected = new[] { "192.0.2.10" }, match = "any" },
        })).Id;

        var up = await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the DNS answer to match");
        Assert.Equal("A", up.Dns!.RecordType);
        Assert.Equal("app.example.test", up.Dns.Name);
        Assert.Contains("192.0.2.10", up.LastMessage);
        var config = await user.DnsConfigAsync(id);
        Assert.Equal(dns.Endpoint, config.Resolver);

        var changed = await user.Session.PutAsJsonAsync($"/api/devices/{id}/dns-config", new { recordType = "A", name = "app.example.test", resolver = dns.Endpoint, expected = new[] { "192.0.2.99" }, match = "all" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var down = await user.UntilDeviceAsync(project, id, d => d.Status == "down", "the mismatch to take the device down");
        Assert.Contains("192.0.2.99", down.LastMessage);
        Assert.True(dns.QueriesReceived >= 3);
    }

    [Fact]
    public async Task DnsDeviceWithOnlyAHostChecksThatItResolvesUntilDnsConfigRefinesIt()
    {
        var user = await fixture.NewUserAsync();
        var host = $"{Guid.NewGuid():N}.example.test";
        fixture.Dns.AddA(host, "192.0.2.10");
        var project = await user.CreateProjectAsync("Names");
        var id = (await user.CreateDeviceAsync(project, new { name = "Just a host", type = "dns", host, interval = 20, timeout = 5 })).Id;

        var config = await user.DnsConfigAsync(id);
        Assert.Equal("A", config.RecordType);
        Assert.Equal(host, config.Name);
        Assert.Null(config.Resolver);
        Assert.Empty(config.Expected);
        Assert.Equal("any", config.Match);
        var up = await user.UntilDeviceAsync(project, id, d => d.Status == "up", "the host to resolve");
        Assert.Contains("192.0.2.10", up.LastMessage);

        // dns-config refines what it names and keeps the rest.
        var refined = await user.Session.PutAsJsonAsync($"/api/devices/{id}/dns-config", new { expected = new[] { "192.0.2.99" } });
        Assert.True(refined.StatusCode == HttpStatusCode.OK, await refined.Content.ReadAsStringAsync());
        var settings = (await refined.ReadJsonAsync<DashmonDeviceBody>()).Device.Dns!;
        Assert.Equal("A", settings.RecordType);
        Assert.Equal(host, settings.Name);
        Assert.Equal(["192.0.2.99"], settings.Expected);
        await user.UntilDeviceAsync(project, id, d => d.Status == "down", "the expected answer to be missed");
    }

    [Fact]
    public async Task DnsConfigErrorsAreNamed()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Names");
        var dnsDevice = (await user.CreateDeviceAsync(project, new { name = "Mail exchanger", type = "dns", interval = 600, dns = new { recordType = "MX", name = "example.test", resolver = "127.0.0.1:9" } })).Id;
        var tcpDevice = (await user.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 })).Id;

        var bad = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync($"/api/devices/{dnsDevice}/dns-config", new { recordType = "PTR", name = "bad..name", resolver = "not-an-ip", expected = new[] { "x" } }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        var errors = bad.Errors!;
        Assert.True(errors.ContainsKey("dns.recordType"), string.Join(", ", errors.Keys));
        Assert.True(errors.ContainsKey("dns.name"), string.Join(", ", errors.Keys));
        Assert.True(errors.ContainsKey("dns.resolver"), string.Join(", ", errors.Keys));
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{tcpDevice}/dns-config"), HttpStatusCode.Conflict, "wrong_device_type");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{Guid.NewGuid()}/dns-config"), HttpStatusCode.NotFound, "device_not_found");
        Assert.Equal("MX", (await user.DnsConfigAsync(dnsDevice)).RecordType);
    }
}
