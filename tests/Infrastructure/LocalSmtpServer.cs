using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>
/// The tests' mail server: a real SMTP server (the SmtpServer package, no TLS) on 127.0.0.1 and a free port that keeps every
/// message it receives, parsed with MimeKit. With credentials it requires authentication and takes only those; it records
/// the user each message was sent as.
/// </summary>
public sealed class LocalSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private LocalSmtpServer(int port, string? username, string? password)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint
                .Endpoint(new IPEndPoint(IPAddress.Loopback, port))
                .AuthenticationRequired(username is not null)
                .AllowUnsecureAuthentication(true))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new DelegatingUserAuthenticator((user, secret) => user == username && secret == password));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stopping.Token);
    }

    public int Port { get; }

    /// <summary>The messages received, oldest first.</summary>
    public IReadOnlyCollection<ReceivedMail> Received => _received;

    /// <summary>A server on a free loopback port; with <paramref name="username"/> it requires those credentials.</summary>
    public static LocalSmtpServer Start(string? username = null, string? password = null) => new(FreePort.Next(), username, password);

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public Task<IReadOnlyCollection<ReceivedMail>> WaitForAsync(int count) =>
        Eventually.HoldsAsync(() => Task.FromResult(Received), received => received.Count >= count, $"{count} message(s) at the SMTP server", TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            // Stopped by the token: that is how it ends.
        }

        foreach (var mail in _received)
        {
            mail.Message.Dispose();
        }

        _stopping.Dispose();
    }

    /// <summary>One message as the server took it: the authenticated user (or null) and the parsed message.</summary>
    public sealed record ReceivedMail(string? User, MimeMessage Message);

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream((int)buffer.Length);
            foreach (var segment in buffer)
            {
                stream.Write(segment.Span);
            }

            stream.Position = 0;
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
            received.Enqueue(new ReceivedMail(user, message));
            return SmtpResponse.Ok;
        }
    }
}
