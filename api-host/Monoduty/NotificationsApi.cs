using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrleansMonitor.ApiHost.Monoduty.Responses;
using OrleansMonitor.GrainInterfaces.Webhooks;

namespace OrleansMonitor.ApiHost.Monoduty;

/// <summary>
/// The in-app notification feed of the caller's workspace, with the caller's own read state: any member lists it
/// (paged, newest first), counts what they have not read and marks everything read.
/// </summary>
public static class NotificationsApi
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public static RouteGroupBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/notifications").AddEndpointFilter<MonodutyErrorFilter>();
        var members = group.MapGroup("").RequireCaller(CallerRequirement.Read);
        members.MapGet("/", ListAsync);
        members.MapGet("/unread-count", UnreadCountAsync);
        members.MapPost("/mark-all-read", MarkAllReadAsync);
        return group;
    }

    private static async Task<Results<Ok<NotificationListResponse>, MonodutyErrorResult>> ListAsync(
        string? page, string? limit, ApiCaller caller, IClusterClient cluster)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var pageNumber = Positive(page, "page", 1, errors);
        var size = Math.Min(Positive(limit, "limit", DefaultLimit, errors), MaxLimit);
        if (errors.Count > 0)
        {
            return MonodutyProblem.Validation(errors);
        }

        var feed = await cluster.GetGrain<INotificationFeedGrain>(caller.WorkspaceId).PageAsync(caller.Member, pageNumber, size);
        return TypedResults.Ok(new NotificationListResponse([.. feed.Notifications.Select(NotificationView.Of)], feed.Total, feed.UnreadCount, pageNumber, size));
    }

    private static async Task<Ok<UnreadCountResponse>> UnreadCountAsync(ApiCaller caller, IClusterClient cluster) =>
        TypedResults.Ok(new UnreadCountResponse(await cluster.GetGrain<INotificationFeedGrain>(caller.WorkspaceId).UnreadCountAsync(caller.Member)));

    private static async Task<Ok<MarkedReadResponse>> MarkAllReadAsync(ApiCaller caller, IClusterClient cluster) =>
        TypedResults.Ok(new MarkedReadResponse(await cluster.GetGrain<INotificationFeedGrain>(caller.WorkspaceId).MarkAllReadAsync(caller.Member)));

    /// <summary>A whole number of at least 1, <paramref name="fallback"/> when absent; an error otherwise.</summary>
    private static int Positive(string? text, string name, int fallback, Dictionary<string, string> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1)
        {
            return value;
        }

        errors[name] = $"{name} must be a whole number of at least 1";
        return fallback;
    }
}
