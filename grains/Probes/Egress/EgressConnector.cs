using System.Net;
using System.Net.Sockets;

namespace OrleansMonitor.Grains.Probes.Egress;

/// <summary>
/// Opens a TCP connection to a host only at an address the <see cref="EgressPolicy"/> allows: resolves the name, drops the
/// refused addresses and connects to the first allowed one that accepts, in the resolver's order. The HTTP probe and the
/// alert channels connect through it from their handlers' connect callbacks, so the address judged is the one connected to,
/// whatever the name answers next time (DNS rebinding) and on every redirect hop.
/// </summary>
public static class EgressConnector
{
    /// <exception cref="EgressRefusedException">The policy refuses every address of the host; nothing was connected to.</exception>
    /// <exception cref="SocketException">The name does not resolve, or no allowed address accepts.</exception>
    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, EgressPolicy policy, ProbeAddressResolver resolver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(resolver);
        var addresses = await resolver.ResolveAsync(endpoint.Host, AddressFamily.Unspecified, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        string? refusal = null;
        SocketException? failure = null;
        foreach (var address in addresses)
        {
            if (!policy.IsAllowed(address, out var reason))
            {
                refusal ??= reason;
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException exception)
            {
                socket.Dispose();
                failure = exception;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw failure ?? (Exception)new EgressRefusedException(refusal!);
    }
}
