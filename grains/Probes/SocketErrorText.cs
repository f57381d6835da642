using System.Net.Sockets;

namespace OrleansMonitor.Grains.Probes;

/// <summary>Human lines for the socket errors a probe meets.</summary>
internal static class SocketErrorText
{
    public static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "Connection refused",
        SocketError.ConnectionReset => "Connection reset by peer",
        SocketError.ConnectionAborted => "Connection aborted",
        SocketError.HostUnreachable => "Host unreachable",
        SocketError.NetworkUnreachable => "Network unreachable",
        SocketError.NetworkDown => "Network down",
        SocketError.HostNotFound => "Host not found",
        SocketError.NoData => "Host has no address",
        SocketError.TryAgain => "DNS lookup failed, try again later",
        SocketError.TimedOut => "Connection timed out",
        SocketError.AccessDenied => "Access denied",
        SocketError.AddressNotAvailable => "Address not available",
        _ => $"Socket error: {error}",
    };
}
