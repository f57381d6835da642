using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OrleansMonitor.Tests.Infrastructure;

namespace OrleansMonitor.Tests.Hosting;

/// <summary>The API host checks its settings when it starts: a wrong one stops it at once, naming the setting.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ApiHostOptionsTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("LoginThrottle:FailuresPerAccount", "0", "LoginThrottle:FailuresPerAccount must be a whole number of at least 1")]
    [InlineData("LoginThrottle:Window", "00:00:00", "LoginThrottle:Window must be a time span from 00:00:01 to 365.00:00:00")]
    [InlineData("RegistrationThrottle:AttemptsPerAddress", "-3", "RegistrationThrottle:AttemptsPerAddress must be a whole number of at least 1")]
    [InlineData("HeartbeatReceiver:Window", "7.00:00:00", "HeartbeatReceiver:Window must be a time span from 00:00:01 to 1.00:00:00")]
    [InlineData("HeartbeatReceiver:PermitsPerToken", "sixty", "HeartbeatReceiver:PermitsPerToken")]
    public async Task InvalidSettingStopsStartUpWithAMessageNamingIt(string key, string value, string message)
    {
        var logs = new CapturedLogs();
        await using var api = new ApiFactory(fixture.Monitoring.Client, new Dictionary<string, string?> { [key] = value }, services => services.AddSingleton<ILoggerProvider>(logs));

        var failure = Record.Exception(() => api.Server);

        // The host logs why it failed to start; the exception that reaches the test may be the factory's own
        // (a disposed service provider) when the failed host is torn down first.
        Assert.NotNull(failure);
        var messages = Flatten(failure).Select(e => e.Message).Concat(logs.Entries.Select(e => e.Text)).ToArray();
        Assert.True(messages.Any(m => m.Contains(message, StringComparison.Ordinal)), $"start-up failed without naming {key}: {string.Join(" | ", messages)}");
    }

    [Fact]
    public async Task ErrorTimestampsComeFromTheHostsTimeProvider()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, 123, TimeSpan.Zero));
        await using var api = new ApiFactory(fixture.Monitoring.Client, services: services => services.AddSingleton<TimeProvider>(clock));

        var body = await ApiAssert.ErrorAsync(await api.CreateClient().GetAsync("/api/does-not-exist"), System.Net.HttpStatusCode.NotFound, "route_not_found");

        Assert.Equal("2031-05-06T07:08:09.123Z", body.Timestamp);
    }

    private static IEnumerable<Exception> Flatten(Exception exception) =>
        exception is AggregateException aggregate
            ? aggregate.InnerExceptions.SelectMany(Flatten).Prepend(exception)
            : exception.InnerException is { } inner ? Flatten(inner).Prepend(exception) : [exception];
}
