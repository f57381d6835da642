namespace OrleansMonitor.Tests.Monoduty;

/// <summary>Tests that share the Monoduty cluster with its loopback mail server and telephony gateway.</summary>
[CollectionDefinition(Name)]
public sealed class MonodutyCollection : ICollectionFixture<MonodutyFixture>
{
    public const string Name = "monoduty";
}
