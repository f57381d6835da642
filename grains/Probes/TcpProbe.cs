using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Checks that a TCP port accepts connections: connects to Target:Port over IPv4 within the timeout and closes the socket at once.
/// Target is an IPv4 address; a host name is resolved to its first IPv4 address. Never throws for target failures.
/// </summary>
public sealed class TcpProbe : IProbe
{
    public const string Alive = "ALIVE";
    public const string Down = "DOWN";
    public const string TimedOut = "TIMEOUT";

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
            var address = await ResolveAsync(target, timeout.Token).ConfigureAwait(false);
            if (address is null)
            {
                return new ProbeResult(false, Down, ElapsedMs(started), $"'{target}' has no IPv4 address");
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

    private static async Task<IPAddress?> ResolveAsync(string target, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(target, out var literal))
        {
            return literal.AddressFamily == AddressFamily.InterNetwork ? literal : null;
        }

        if (target.Length == 0)
        {
            return null;
        }

        var addresses = await Dns.GetHostAddressesAsync(target, AddressFamily.InterNetwork, cancellationToken).ConfigureAwait(false);
        return addresses.Length > 0 ? addresses[0] : null;
    }

    private static int ElapsedMs(long started) =>
        (int)Math.Min(int.MaxValue, Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds));
}
