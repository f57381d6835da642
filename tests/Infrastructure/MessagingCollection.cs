namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>Tests that share the cluster with a loopback mail server and telephony gateway.</summary>
[CollectionDefinition(Name)]
public sealed class MessagingCollection : ICollectionFixture<MessagingClusterFixture>
{
    public const string Name = "messaging";
}
