using System.ComponentModel;
using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A manual update on a status page, naming the devices it concerns.</summary>
public sealed record PublicStatusUpdate(
    UpdateState State,
    string Message,
    [property: Description("Names of the devices it concerns; empty for the page as a whole.")] IReadOnlyList<string> Devices,
    DateTimeOffset CreatedAt)
{
    public static PublicStatusUpdate Of(PublicUpdateView update) => new(update.State, update.Message, update.Devices, update.CreatedAt);
}
