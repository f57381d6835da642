namespace OrleansMonitor.ApiHost.Auth;

/// <summary>
/// The address the throttles count a request against: the connection's remote address, which is the forwarded client
/// address when the request came through a trusted proxy (see <c>Hosting.TrustedProxies</c>). IPv4 clients of a
/// dual-stack socket count under their IPv4 form.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext http) => http.Connection.RemoteIpAddress switch
    {
        null => "unknown",
        { IsIPv4MappedToIPv6: true } mapped => mapped.MapToIPv4().ToString(),
        var address => address.ToString(),
    };
}
