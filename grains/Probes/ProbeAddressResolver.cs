using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Options;

namespace OrleansMonitor.Grains.Probes;

/// <summary>
/// The one place probes turn a host name into addresses: the system resolver by default (<see cref="Dns"/>, so /etc/hosts and
/// the system's caching apply), or, when <see cref="ProbeResolverOptions.Resolver"/> names a DNS server, that server through
/// DnsClient (A and AAAA questions, no cache, IPv4 answers first; /etc/hosts is not read then). An address literal resolves to
/// itself without a query. The caller judges the addresses with the egress policy before connecting.
/// </summary>
/// <remarks>
/// Failures come back as <see cref="Dns"/> reports them: a <see cref="SocketException"/> with <see cref="SocketError.HostNotFound"/>
/// for a name that does not exist (NXDOMAIN) and <see cref="SocketError.TryAgain"/> when the server fails or does not answer;
/// a name without addresses of the family asked for gives an empty array. Cancellation throws <see cref="OperationCanceledException"/>.
/// </remarks>
public sealed class ProbeAddressResolver
{
    public const int Retries = 1;

    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private readonly LookupClient? _client;

    public ProbeAddressResolver(IPEndPoint? server)
    {
        Server = server;
        if (server is not null)
        {
            _client = new LookupClient(new LookupClientOptions(new NameServer(server))
            {
                UseCache = false,
                Timeout = QueryTimeout,
                Retries = Retries,
                ThrowDnsErrors = false,
                ContinueOnDnsError = false,
            });
        }
    }

    /// <exception cref="FormatException"><see cref="ProbeResolverOptions.Resolver"/> is not a server address.</exception>
    public ProbeAddressResolver(IOptions<ProbeResolverOptions> options)
        : this((options ?? throw new ArgumentNullException(nameof(options))).Value.ServerEndpoint())
    {
    }

    /// <summary>The system resolver. Probes built without a resolver use it.</summary>
    public static ProbeAddressResolver System { get; } = new((IPEndPoint?)null);

    /// <summary>The DNS server asked, or null for the system resolver.</summary>
    public IPEndPoint? Server { get; }

    /// <summary>"system resolver" or "resolver 127.0.0.1:5353", for messages.</summary>
    public string Description => Server is null ? "system resolver" : $"resolver {Server}";

    /// <summary>
    /// The addresses of <paramref name="host"/> (an address literal, bracketed IPv6 too, is returned as is), only those of
    /// <paramref name="family"/> unless it is <see cref="AddressFamily.Unspecified"/>.
    /// </summary>
    public async Task<IPAddress[]> ResolveAsync(string host, AddressFamily family, CancellationToken cancellationToken)
    {
        var name = (host ?? string.Empty).Trim();
        if (IPAddress.TryParse(name.Trim('[', ']'), out var literal))
        {
            return family == AddressFamily.Unspecified || literal.AddressFamily == family ? [literal] : [];
        }

        if (name.Length == 0)
        {
            // Dns.GetHostAddressesAsync("") answers with this machine's own addresses: never what a probe means.
            throw new SocketException((int)SocketError.HostNotFound);
        }

        if (_client is null)
        {
            return await Dns.GetHostAddressesAsync(name, family, cancellationToken).ConfigureAwait(false);
        }

        var questions = new List<Task<IDnsQueryResponse>>(2);
        if (family is AddressFamily.Unspecified or AddressFamily.InterNetwork)
        {
            questions.Add(QueryAsync(name, QueryType.A, cancellationToken));
        }

        if (family is AddressFamily.Unspecified or AddressFamily.InterNetworkV6)
        {
            questions.Add(QueryAsync(name, QueryType.AAAA, cancellationToken));
        }

        IDnsQueryResponse[] responses;
        try
        {
            responses = await Task.WhenAll(questions).ConfigureAwait(false);
        }
        catch (DnsResponseException exception) when (cancellationToken.IsCancellationRequested)
        {
            // DnsClient reports a cancellation as a ConnectionTimeout error.
            throw new OperationCanceledException("The name lookup was cancelled.", exception, cancellationToken);
        }
        catch (Exception exception) when (exception is DnsResponseException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            // Not the target's failure: the resolver's. A refusal by the resolver must not read as the target refusing.
            throw new SocketException((int)SocketError.TryAgain, $"{Description} did not answer for {name}: {exception.Message}");
        }
        catch (ArgumentException)
        {
            // DnsClient refuses names it cannot encode (a label too long, ...): no such host.
            throw new SocketException((int)SocketError.HostNotFound);
        }

        var addresses = responses.SelectMany(response => response.Answers.OfType<ARecord>().Select(record => record.Address))
            .Concat(responses.SelectMany(response => response.Answers.OfType<AaaaRecord>().Select(record => record.Address)))
            .Distinct()
            .ToArray();
        if (addresses.Length > 0 || responses.All(response => response.Header.ResponseCode == DnsHeaderResponseCode.NoError))
        {
            return addresses;
        }

        if (responses.Any(response => response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain))
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }

        throw new SocketException((int)SocketError.TryAgain);
    }

    private Task<IDnsQueryResponse> QueryAsync(string name, QueryType type, CancellationToken cancellationToken) =>
        _client!.QueryAsync(name, type, QueryClass.IN, cancellationToken);
}
