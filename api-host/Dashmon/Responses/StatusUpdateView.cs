using OrleansMonitor.GrainInterfaces.StatusPages;

namespace OrleansMonitor.ApiHost.Dashmon.Responses;

/// <summary>A manual update of a status page.</summary>
public sealed record StatusUpdateView(Guid Id, UpdateState State, string Message, IReadOnlyList<Guid> DeviceIds, DateTimeOffset CreatedAt)
{
    public static StatusUpdateView Of(StatusUpdateInfo update) => new(update.Id, update.State, update.Message, update.DeviceIds, update.CreatedAt);
}
