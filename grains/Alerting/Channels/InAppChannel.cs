using System.Diagnostics;
using Npgsql;
using OrleansMonitor.Grains.Storage;
using OrleansMonitor.Grains.Webhooks;

namespace OrleansMonitor.Grains.Alerting.Channels;

/// <summary>
/// Delivers an alert into the workspace's in-app feed (<see cref="NotificationFeed"/>): one notification per delivery,
/// written once however often the delivery is attempted. The database away is a failure worth retrying; a row it
/// refuses for its content is not.
/// </summary>
public sealed class InAppChannel(NotificationFeed feed) : IAlertChannel
{
    public ChannelKind Kind => ChannelKind.InApp;

    public async Task<ChannelResult> SendAsync(AlertDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await feed.AddAsync(delivery, cancellationToken);
            return ChannelResult.Sent(null, ChannelHttpClient.ElapsedMs(started));
        }
        catch (Exception ex) when (HeartbeatWriteErrors.IsContent(ex))
        {
            return ChannelResult.Failed(null, "The feed refused the notification: " + HeartbeatWriteErrors.Describe(ex), false, ChannelHttpClient.ElapsedMs(started));
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            return ChannelResult.Failed(null, "The feed could not be written: " + ex.Message, true, ChannelHttpClient.ElapsedMs(started));
        }
    }
}
