using OrleansMonitor.ApiHost.Diagnostics;

namespace OrleansMonitor.Tests.Diagnostics;

/// <summary>Every path that carries a secret is logged with the secret as <c>***</c>, whatever follows it; other paths are left alone.</summary>
public sealed class SecretPathsTests
{
    [Theory]
    [InlineData("POST /api/incoming/heartbeat/hb_abc123?source=cron", "POST /api/incoming/heartbeat/***?source=cron")]
    [InlineData("Request finished HTTP/1.1 POST http://h/hooks/mdt_Zx9-_q 202", "Request finished HTTP/1.1 POST http://h/hooks/*** 202")]
    [InlineData("GET /ack/YWNrLjEu.c2ln and GET /ACK/b.c", "GET /ack/*** and GET /ACK/***")]
    [InlineData("'/ack/token'", "'/ack/***'")]
    [InlineData("GET /api/incidents/42/acknowledge", "GET /api/incidents/42/acknowledge")]
    [InlineData("GET /api/webhooks/7/deliveries", "GET /api/webhooks/7/deliveries")]
    [InlineData("GET http://h/api/public/status-pages/acme?token=osp_Zx9-_q 200", "GET http://h/api/public/status-pages/acme?token=*** 200")]
    [InlineData("?lang=en&token=osp_abc", "?lang=en&token=***")]
    [InlineData("GET /api/public/status-pages/acme", "GET /api/public/status-pages/acme")]
    public void SecretSegmentsAreRedacted(string logged, string written)
    {
        Assert.Equal(written, SecretPaths.Redact(logged));
        Assert.Equal(logged != written, SecretPaths.Contain(logged));
    }
}
