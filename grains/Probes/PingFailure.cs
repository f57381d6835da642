using System.ComponentModel;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// Maps what <see cref="Ping"/> throws to a down <see cref="ProbeResult"/>. When the host refuses ICMP to this process
/// (no raw socket permission and no usable ping utility) the result says so with <see cref="Unavailable"/>, so a device
/// is never reported down for a reason that lies with the monitor itself.
/// </summary>
internal static class PingFailure
{
    public const string Unavailable = "ICMP_UNAVAILABLE";
    public const string UnavailableMessage = "ICMP echo is not permitted for this process (needs CAP_NET_RAW or a ping binary); the device cannot be checked";

    private const int PermissionDenied = 13; // EACCES
    private const int OperationNotPermitted = 1; // EPERM

    private static readonly string[] PermissionWords = ["permission denied", "operation not permitted", "access denied", "access is denied"];

    /// <summary>The down result for <paramref name="exception"/> (latency 0: the caller knows the elapsed time).</summary>
    public static ProbeResult From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (IsIcmpRefused(exception))
        {
            return new ProbeResult(false, Unavailable, 0, UnavailableMessage);
        }

        if (Find<SocketException>(exception) is { } socket)
        {
            return new ProbeResult(false, PingProbe.Down, 0, SocketErrorText.Describe(socket.SocketErrorCode));
        }

        var innermost = exception;
        while (innermost.InnerException is not null)
        {
            innermost = innermost.InnerException;
        }

        return new ProbeResult(false, PingProbe.Down, 0, $"Ping failed: {innermost.Message}");
    }

    /// <summary>Whether anything in the chain of <paramref name="exception"/> says that this process may not send ICMP echo.</summary>
    public static bool IsIcmpRefused(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case UnauthorizedAccessException or PlatformNotSupportedException:
                    return true;
                case SocketException { SocketErrorCode: SocketError.AccessDenied }:
                    return true;
                case Win32Exception { NativeErrorCode: PermissionDenied or OperationNotPermitted } and not SocketException:
                    return true;
            }

            if (SaysPermission(current.Message))
            {
                return true;
            }
        }

        return false;
    }

    private static bool SaysPermission(string message) =>
        PermissionWords.Any(word => message.Contains(word, StringComparison.OrdinalIgnoreCase));

    private static T? Find<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }
}
