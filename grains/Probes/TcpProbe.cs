using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using OrleansMonitor.Grains.Probes.Egress;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Checks that a TCP port accepts connections: connects to Target:Port over IPv4 within the timeout and closes the socket at once.
/// Target is an IPv4 address; a host name is resolved (<see cref="ProbeAddressResolver"/>) to its first IPv4 address the
/// <see cref="EgressPolicy"/> allows. When the policy refuses them all the probe is down saying why, and nothing is sent.
/// Never throws for target failures.
/// </summary>
public sealed class TcpProbe(EgressPolicy? egress = null, ProbeAddressResolver? resolver = null) : IProbe
{
    public const string Alive = "ALIVE";
    public const string Down = "DOWN";
    public const string TimedOut = "TIMEOUT";

    private readonly EgressPolicy _egress = egress ?? EgressPolicy.Default;
    private readonly ProbeAddressResolver _resolver = resolver ?? ProbeAddressResolver.System;

    public MonitorType Type => MonitorType.Tcp;

    public async Task<ProbeResult> RunAsync(ProbeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Port is not int port || port is < 1 or > 65535)
        {
            return new ProbeResult(false, Down, 0, "A port between 1 and 65535 is required");
        }

        var target = request.Target?.Trim() ?? string.Empty;
        using var timeout = ProbeTimeout.Start(request.Timeout, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        try
        {
            var addresses = await ResolveAsync(target, timeout.Token).ConfigureAwait(false);
            if (addresses.Length == 0)
            {
                return new ProbeResult(false, Down, ElapsedMs(started), $"'{target}' has no IPv4 address");
            }

            var address = Array.Find(addresses, _egress.IsAllowed);
            if (address is null)
            {
                return new ProbeResult(false, Down, ElapsedMs(started), _egress.Refusal(addresses[0])!);
            }

            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token).ConfigureAwait(false);
            var latency = ElapsedMs(started);
            socket.Close();
            return new ProbeResult(true, Alive, latency, "Up and running!");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ProbeResult(false, TimedOut, ElapsedMs(started), $"Connection timed out after {ProbeTimeout.Seconds(request.Timeout)} s");
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.TimedOut)
        {
            return new ProbeResult(false, TimedOut, ElapsedMs(started), SocketErrorText.Describe(exception.SocketErrorCode));
        }
        catch (SocketException exception)
        {
            return new ProbeResult(false, Down, ElapsedMs(started), SocketErrorText.Describe(exception.SocketErrorCode));
        }
    }

    /// <summary>The IPv4 addresses of <paramref name="target"/> in the resolver's order; none for an IPv6 literal or an empty target.</summary>
    private async Task<IPAddress[]> ResolveAsync(string target, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(target, out var literal))
        {
            return literal.AddressFamily == AddressFamily.InterNetwork ? [literal] : [];
        }

        if (target.Length == 0)
        {
            return [];
        }

        return await _resolver.ResolveAsync(target, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
    }

    private static int ElapsedMs(long started) =>
        (int)Math.Min(int.MaxValue, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
