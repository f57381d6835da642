namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>Who may read a status page: anyone with its link, or only who also has its token. Values are stored: append only.</summary>
[GenerateSerializer, Alias("OrleansMonitor.StatusPageVisibility")]
public enum StatusPageVisibility
{
    Public = 0,
    /// <summary>The share URL needs <c>?token=</c>; without the right token the page answers as if it did not exist.</summary>
    Private = 1,
}
