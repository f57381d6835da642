using System.Diagnostics;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Sends one ICMP echo request to Target (an IPv4 or IPv6 literal, or a host name resolved first by the
/// <see cref="ProbeAddressResolver"/>, IPv4 preferred, among the addresses the <see cref="EgressPolicy"/> allows) and
/// waits for the reply within the request's timeout. A target the policy refuses is down saying why, and nothing is sent.
/// Never throws for target failures; when this process may not send ICMP at all the result is
/// <see cref="PingFailure.Unavailable"/> rather than a plain down.
/// </summary>
/// <remarks>
/// On Linux, <see cref="Ping"/> uses a raw socket when the process has CAP_NET_RAW (root has it), otherwise an
/// unprivileged ICMP socket where net.ipv4.ping_group_range allows it, otherwise the system ping utility.
/// </remarks>
public sealed class PingProbe(EgressPolicy? egress = null, ProbeAddressResolver? resolver = null) : IProbe
{
    public const string Alive = "ALIVE";
    public const string Down = "DOWN";
    public const string TimedOut = "TIMEOUT";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LongestWait = TimeSpan.FromMinutes(10);

    private readonly EgressPolicy _egress = egress ?? EgressPolicy.Default;
    private readonly ProbeAddressResolver _resolver = resolver ?? ProbeAddressResolver.System;

    public MonitorType Type => MonitorType.Ping;

    public async Task<ProbeResult> RunAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = request.Target?.Trim() ?? string.Empty;
        if (target.Length == 0)
        {
            return new ProbeResult(false, Down, 0, "A host name or IP address is required");
        }

        var wait = request.Timeout > TimeSpan.Zero ? request.Timeout : DefaultTimeout;
        wait = wait < LongestWait ? wait : LongestWait;
        using var timeout = ProbeTimeout.Start(wait, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var addresses = await ResolveAsync(target, timeout.Token).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                return new ProbeResult(false, Down, ElapsedMs(started), $"DNS lookup failed for {target}");
            }

            var allowed = addresses.Where(_egress.IsAllowed).ToList();
            var address = allowed.Find(a => a.AddressFamily == AddressFamily.InterNetwork) ?? allowed.FirstOrDefault();
            if (address is null)
            {
                var preferred = Array.Find(addresses, a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses[0];
                return new ProbeResult(false, Down, ElapsedMs(started), _egress.Refusal(preferred)!);
            }

            using var ping = new Ping();
            var sent = Stopwatch.GetTimestamp();
            var reply = await ping.SendPingAsync(address, wait, buffer: null, options: null, timeout.Token).ConfigureAwait(false);
            var roundTrip = reply.RoundtripTime > 0 ? (int)Math.Min(int.MaxValue, reply.RoundtripTime) : ElapsedMs(sent);
            return reply.Status switch
            {
                IPStatus.Success => new ProbeResult(true, Alive, roundTrip, $"Reply from {reply.Address} in {roundTrip} ms"),
                IPStatus.TimedOut => new ProbeResult(false, TimedOut, ElapsedMs(started), $"No reply from {address} within {ProbeTimeout.Seconds(wait)} s"),
                var status => new ProbeResult(false, Down, ElapsedMs(started), $"No reply from {address}: {status}"),
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, TimedOut, ElapsedMs(started), $"No reply from {target} within {ProbeTimeout.Seconds(wait)} s");
        }
        catch (Exception exception) when (exception is PingException or SocketException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return PingFailure.From(exception) with { LatencyMs = ElapsedMs(started) };
        }
    }

    /// <summary>The addresses <paramref name="target"/> may be pinged at; none when the name does not resolve.</summary>
    private async Task<IPAddress[]> ResolveAsync(string target, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(target.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await _resolver.ResolveAsync(target, AddressFamily.Unspecified, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is SocketException or ArgumentException)
        {
            return [];
        }
    }

    private static int ElapsedMs(long started) =>
        (int)Math.Min(int.MaxValue, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
