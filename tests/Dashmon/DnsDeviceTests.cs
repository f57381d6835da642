using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
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
        }))["id"]!.GetValue<string>();

        var up = await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "up", "the DNS answer to match");
        Assert.Equal("A", up["dns"]!["recordType"]!.GetValue<string>());
        Assert.Equal("app.example.test", up["dns"]!["name"]!.GetValue<string>());
        Assert.Contains("192.0.2.10", up["lastMessage"]!.GetValue<string>());
        var config = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/dns-config"))!["dns"]!;
        Assert.Equal(dns.Endpoint, config["resolver"]!.GetValue<string>());

        var changed = await user.Session.PutAsJsonAsync($"/api/devices/{id}/dns-config", new { recordType = "A", name = "app.example.test", resolver = dns.Endpoint, expected = new[] { "192.0.2.99" }, match = "all" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var down = await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "down", "the mismatch to take the device down");
        Assert.Contains("192.0.2.99", down["lastMessage"]!.GetValue<string>());
        Assert.True(dns.QueriesReceived >= 3);
    }

    [Fact]
    public async Task DnsDeviceWithOnlyAHostChecksThatItResolvesUntilDnsConfigRefinesIt()
    {
        var user = await fixture.NewUserAsync();
        var host = $"{Guid.NewGuid():N}.example.test";
        fixture.Dns.AddA(host, "192.0.2.10");
        var project = await user.CreateProjectAsync("Names");
        var id = (await user.CreateDeviceAsync(project, new { name = "Just a host", type = "dns", host, interval = 20, timeout = 5 }))["id"]!.GetValue<string>();

        var config = (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{id}/dns-config"))!["dns"]!;
        Assert.Equal("A", config["recordType"]!.GetValue<string>());
        Assert.Equal(host, config["name"]!.GetValue<string>());
        Assert.Null(config["resolver"]);
        Assert.Empty(config["expected"]!.AsArray());
        Assert.Equal("any", config["match"]!.GetValue<string>());
        var up = await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "up", "the host to resolve");
        Assert.Contains("192.0.2.10", up["lastMessage"]!.GetValue<string>());

        // dns-config refines what it names and keeps the rest.
        var refined = await user.Session.PutAsJsonAsync($"/api/devices/{id}/dns-config", new { expected = new[] { "192.0.2.99" } });
        Assert.True(refined.StatusCode == HttpStatusCode.OK, await refined.Content.ReadAsStringAsync());
        var settings = (await refined.Content.ReadFromJsonAsync<JsonObject>())!["device"]!["dns"]!;
        Assert.Equal("A", settings["recordType"]!.GetValue<string>());
        Assert.Equal(host, settings["name"]!.GetValue<string>());
        Assert.Equal(["192.0.2.99"], settings["expected"]!.AsArray().Select(e => e!.GetValue<string>()));
        await user.UntilDeviceAsync(project, id, d => d["status"]!.GetValue<string>() == "down", "the expected answer to be missed");
    }

    [Fact]
    public async Task DnsConfigErrorsAreNamed()
    {
        var user = await fixture.NewUserAsync();
        var project = await user.CreateProjectAsync("Names");
        var dnsDevice = (await user.CreateDeviceAsync(project, new { name = "Mail exchanger", type = "dns", interval = 600, dns = new { recordType = "MX", name = "example.test", resolver = "127.0.0.1:9" } }))["id"]!.GetValue<string>();
        var tcpDevice = (await user.CreateDeviceAsync(project, new { name = "Port", type = "tcp", host = "127.0.0.1", port = 9, interval = 600 }))["id"]!.GetValue<string>();

        var bad = await ApiAssert.ErrorAsync(
            await user.Session.PutAsJsonAsync($"/api/devices/{dnsDevice}/dns-config", new { recordType = "PTR", name = "bad..name", resolver = "not-an-ip", expected = new[] { "x" } }),
            HttpStatusCode.UnprocessableEntity,
            "validation_failed");
        var errors = bad["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("dns.recordType"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("dns.name"), errors.ToJsonString());
        Assert.True(errors.ContainsKey("dns.resolver"), errors.ToJsonString());
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{tcpDevice}/dns-config"), HttpStatusCode.Conflict, "wrong_device_type");
        await ApiAssert.ErrorAsync(await user.Session.GetAsync($"/api/devices/{Guid.NewGuid()}/dns-config"), HttpStatusCode.NotFound, "device_not_found");
        Assert.Equal("MX", (await user.Session.GetFromJsonAsync<JsonObject>($"/api/devices/{dnsDevice}/dns-config"))!["dns"]!["recordType"]!.GetValue<string>());
    }
}
