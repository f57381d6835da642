namespace OrleansMonitor.Tests.Infrastructure;

/// <summary>Tests that share one cluster, one database and one API host.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
