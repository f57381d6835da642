using Microsoft.AspNetCore.Mvc.ApiExplorer;
using OrleansMonitor.ApiHost.Json;
using OrleansMonitor.ApiHost.OpenApi.Schemas;

namespace OrleansMonitor.ApiHost.OpenApi;

/// <summary>
/// The <see cref="RouteDoc"/> of every documented route, keyed by method and path. Examples are the README's curl
/// examples. A test checks that every entry names a route the host maps, so a renamed route cannot leave a stale entry.
/// </summary>
public static class RouteCatalog
{
    private const int TooMany = StatusCodes.Status429TooManyRequests;
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int Invalid = StatusCodes.Status422UnprocessableEntity;
    private const int BadRequest = StatusCodes.Status400BadRequest;
    private const string SampleId = "0b7e4a5c-3d2f-4e1a-9c8b-7a6d5e4f3c2b";

    public static IReadOnlyList<RouteDoc> All { get; } =
    [
        // Health and meta
        new("GET", "/health/live", "Liveness: the process answers") { Description = "Never depends on the database or the cluster." },
        new("GET", "/api/health", "Readiness: cluster and database, probes and heartbeat buffers")
        {
            Description = "Reports the cluster and the database, the silos' probe slots (`probes`) and heartbeat buffers (`heartbeatBuffer`).",
            OwnResponses = new Dictionary<int, string> { [StatusCodes.Status503ServiceUnavailable] = "The cluster or the database is unreachable (same shape, `success` false)." },
        },
        new("GET", "/api/meta/capabilities", "API version, auth modes, token policy, device types"),
        new("GET", "/api/me", "The caller: user, active workspace and role, auth mode, plan, write lock"),

        // Identity
        new("POST", "/api/auth/register", "Register; answers with the session cookie")
        {
            Description = "Every user owns a personal workspace. Registration attempts are throttled per client address (429 `too_many_attempts`); with `Identity:Registration=closed` a registration without a pending invitation answers 403 `registration_closed`.",
            Body = typeof(RegisterRequest),
            Examples = Example("register", """{"email":"ops@example.com","password":"a long password","name":"Ops"}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "Registered and signed in: the HttpOnly `access_token` cookie is set.",
            Errors = [StatusCodes.Status403Forbidden, Conflict, TooMany],
        },
        new("POST", "/api/auth/login", "Sign in; answers with the session cookie")
        {
            Description = "Failed logins are throttled per account and per client address (429 `too_many_attempts` with `Retry-After`).",
            Body = typeof(LoginRequest),
            Examples = Example("login", """{"email":"ops@example.com","password":"a long password"}"""),
            SuccessDescription = "Signed in: the HttpOnly `access_token` cookie is set.",
            Errors = [StatusCodes.Status401Unauthorized, TooMany],
        },
        new("POST", "/api/auth/logout", "Sign out: ends the session and clears the cookie"),
        new("GET", "/api/user/api-tokens", "List the caller's API tokens"),
        new("POST", "/api/user/api-tokens", "Create an API token (the raw token is shown once)")
        {
            Body = typeof(ApiTokenRequest),
            Examples = Example("ci token", """{"label":"ci","accessLevel":"read_write"}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "Created; only the token's SHA-256 is stored.",
        },
        new("DELETE", "/api/user/api-tokens/{id}", "Revoke an API token"),

        // Lunalytics monitors
        new("POST", "/api/monitor/add", "Add a monitor (http or tcp)")
        {
            Description = "Answers with the full monitor object. A Lunalytics monitor is a device of the workspace's default project.",
            Body = typeof(MonitorRequest),
            Examples = new Dictionary<string, string>
            {
                ["http"] = """{"name":"Site","url":"http://127.0.0.1:8000/","type":"http","method":"GET","valid_status_codes":["200-299"],"interval":30,"retryInterval":30,"requestTimeout":10}""",
                ["tcp"] = """{"name":"Database","url":"127.0.0.1","type":"tcp","port":5432,"interval":30,"retryInterval":30,"requestTimeout":10}""",
            },
            SuccessDescription = "The full monitor object.",
        },
        new("POST", "/api/monitor/edit", "Edit a monitor: fields left out keep their value")
        {
            Body = typeof(MonitorEditRequest),
            Examples = Example("interval", $$"""{"monitorId":"{{SampleId}}","interval":60}"""),
            SuccessDescription = "The full monitor object.",
            Errors = [StatusCodes.Status404NotFound],
        },
        new("GET", "/api/monitor/delete", "Delete a monitor: stops probing and removes its data")
        {
            Parameters = new Dictionary<string, string> { ["monitorId"] = "The monitor's id (required: 400 `missing_monitor_id`)." },
            SuccessDescription = "Deleted (empty body).",
            Errors = [BadRequest, StatusCodes.Status404NotFound],
        },
        new("GET", "/api/monitor/status", "A monitor's heartbeats over a range")
        {
            Description = "`week` and `month` return, for every five-minute mark, the heartbeat closest to it.",
            Parameters = new Dictionary<string, string>
            {
                ["monitorId"] = "The monitor's id (required).",
                ["status"] = "latest (default), day, week or month.",
                ["type"] = "The same as status (either may be sent).",
            },
            SuccessDescription = "Heartbeats, newest first.",
            Errors = [BadRequest, StatusCodes.Status404NotFound],
        },
        new("GET", "/api/monitor/id", "A monitor's full object")
        {
            Description = "Besides the documented fields the monitor object carries `isDown` and `latencyPercentiles` (`1h`, `24h`: count, p50, p95, p99, nearest-rank).",
            Parameters = new Dictionary<string, string> { ["monitorId"] = "The monitor's id (required)." },
            SuccessDescription = "The full monitor object, heartbeats newest first.",
            Errors = [BadRequest, StatusCodes.Status404NotFound],
        },

        // Projects
        new("GET", "/api/projects", "List projects with every device summary") { SuccessDescription = "Projects, each with its devices (id, name, type, status, lastCheck, latencyMs, uptime24h)." },
        new("POST", "/api/projects", "Create a project")
        {
            Body = typeof(ProjectCreateRequest),
            Examples = Example("project", """{"name":"Payments","description":"EU"}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "The new project.",
        },
        new("PUT", "/api/projects/{id}", "Rename or describe a project")
        {
            Body = typeof(ProjectUpdateRequest),
            Examples = Example("rename", """{"name":"Payments EU"}"""),
            SuccessDescription = "The project.",
        },
        new("DELETE", "/api/projects/{id}", "Delete a project with its devices and their data"),

        // Devices
        new("GET", "/api/projects/{projectId}/devices/{deviceId}", "A device's details and tags"),
        new("POST", "/api/projects/{projectId}/devices", "Create a device: http, tcp, ping, dns or heartbeat")
        {
            Body = typeof(DeviceRequest),
            Examples = new Dictionary<string, string>
            {
                ["http"] = """{"name":"Site","type":"http","url":"https://example.com/","interval":60,"expectedStatus":["200-299"]}""",
                ["tcp"] = """{"name":"DB","type":"tcp","host":"10.0.0.5","port":5432,"interval":30}""",
                ["ping"] = """{"name":"Gateway","type":"ping","host":"10.0.0.1","interval":30}""",
                ["dns"] = """{"name":"MX","type":"dns","dns":{"recordType":"MX","name":"example.com","expected":["mail.example.com"],"match":"any"}}""",
                ["heartbeat"] = """{"name":"Backup","type":"heartbeat","heartbeat":{"interval":3600,"grace":300}}""",
            },
            Success = StatusCodes.Status201Created,
            SuccessDescription = "The new device.",
        },
        new("POST", "/api/devices/refresh-all", "Probe every visible device now")
        {
            Success = StatusCodes.Status202Accepted,
            SuccessDescription = "Queued (`queued`: how many devices).",
            Errors = [TooMany],
        },
        new("PUT", "/api/devices/{deviceId}", "Edit a device: fields left out keep their value")
        {
            Body = typeof(DeviceRequest),
            Examples = Example("interval", """{"interval":120}"""),
            SuccessDescription = "The device.",
        },
        new("DELETE", "/api/devices/{deviceId}", "Delete a device: stops probing and removes its data"),
        new("GET", "/api/devices/{deviceId}/history", "A device's recent samples, ascending")
        {
            Parameters = new Dictionary<string, string> { ["limit"] = "How many samples, from 1 (60 by default; at most 1440 are returned)." },
            Errors = [Invalid],
        },
        new("POST", "/api/devices/{deviceId}/test-now", "Probe a device now") { Success = StatusCodes.Status202Accepted, SuccessDescription = "Queued." },
        new("PUT", "/api/devices/{deviceId}/synthetic", "Replace an http device's synthetic assertions")
        {
            Body = typeof(SyntheticRequest),
            Examples = Example("assertions", """{"assertions":[{"type":"status_code_in","value":"200-299"},{"type":"body_contains","value":"ok"},{"type":"json_path_equals","target":"$.status","value":"up"},{"type":"tls_valid_days","value":14}]}"""),
            SuccessDescription = "The device.",
            Errors = [Conflict],
        },
        new("GET", "/api/devices/{deviceId}/dns-config", "A dns device's settings") { Errors = [Conflict] },
        new("PUT", "/api/devices/{deviceId}/dns-config", "Replace a dns device's settings")
        {
            Body = typeof(DnsSettings),
            Examples = Example("A record", """{"recordType":"A","name":"example.com","resolver":"1.1.1.1","expected":["93.184.215.14"]}"""),
            SuccessDescription = "The device.",
            Errors = [Conflict],
        },
        new("GET", "/api/devices/{deviceId}/heartbeat-config", "A heartbeat device's settings, token and receiver endpoint") { Errors = [Conflict] },
        new("PUT", "/api/devices/{deviceId}/heartbeat-config", "Change a heartbeat device's settings or regenerate its token")
        {
            Body = typeof(HeartbeatConfigRequest),
            Examples = Example("settings", """{"interval":600,"grace":60,"regenerateToken":true}"""),
            SuccessDescription = "The heartbeat settings, token and receiver endpoint.",
            Errors = [Conflict],
        },
        new("POST", "/api/incoming/heartbeat/{token}", "Receive a heartbeat (public; the token is the credential)")
        {
            Description = "Rate-limited per token (`HeartbeatReceiver:PermitsPerToken` per `HeartbeatReceiver:Window`, 60 per minute by default, unknown tokens included). The token never appears in logs.",
            Parameters = new Dictionary<string, string> { ["token"] = "The device's receiver token." },
            SuccessDescription = "Recorded (`receivedAt`).",
            Errors = [TooMany],
        },

        // Tags
        new("GET", "/api/tags", "Tags with device counts"),
        new("PUT", "/api/devices/{deviceId}/tags", "Replace a device's tags")
        {
            Body = typeof(TagsRequest),
            Examples = Example("tags", """{"tags":["prod","eu"]}"""),
        },
        new("POST", "/api/devices/tags/bulk", "Add, remove or replace tags on many devices")
        {
            Body = typeof(BulkTagsRequest),
            Examples = Example("add", $$"""{"action":"add","deviceIds":["{{SampleId}}"],"tags":["critical"]}"""),
            SuccessDescription = "`updated` devices and the ids `notFound`.",
            Errors = [StatusCodes.Status404NotFound],
        },

        // Maintenance
        new("POST", "/api/maintenance/device/{deviceId}", "Set a device's maintenance window")
        {
            Body = typeof(MaintenanceRequest),
            Examples = Example("until", """{"end":"2026-12-01T06:00:00Z","reason":"kernel upgrade"}"""),
        },
        new("DELETE", "/api/maintenance/device/{deviceId}", "Clear a device's maintenance window"),
        new("POST", "/api/maintenance/project/{projectId}", "Set a maintenance window on every device of a project")
        {
            Body = typeof(MaintenanceRequest),
            Examples = Example("window", """{"start":"2026-12-01T02:00:00Z","end":"2026-12-01T04:00:00Z"}"""),
        },
        new("DELETE", "/api/maintenance/project/{projectId}", "Clear the maintenance window of every device of a project"),
        new("POST", "/api/incidents/{id}/acknowledge", "Acknowledge an incident: its escalation stops")
        {
            Description = "Editors, admins and owners. The first acknowledgement is kept (a repeat answers it with `alreadyAcknowledged`); pending escalation deliveries are cancelled, those in flight finish.",
            Errors = [Conflict],
        },
        new("GET", "/api/projects/{projectId}/alert-settings", "A project's alert routing and who is on call now")
        {
            Description = "Any member reads it; secrets (webhook signing secrets, PagerDuty routing keys) only as `secretSet`.",
        },
        new("PUT", "/api/projects/{projectId}/alert-settings", "Replace a project's alert routing: escalation steps, quiet hours, on-call rotation")
        {
            Description = "Admins and owners. Each step names a channel and a destination it can reach; the whole body is checked before anything is stored (422 with field paths such as `escalation[1].destination`).",
            Body = typeof(AlertSettingsRequest),
            Examples = Example("routing", """{"timeZone":"Europe/Berlin","quietHours":{"start":"22:00","end":"07:00","mode":"high_priority_only"},"onCall":{"members":["ann@example.com","bob@example.com"],"handoffDay":"monday","handoffTime":"09:00"},"escalation":[{"delayMinutes":0,"channel":"slack","destination":"https://hooks.slack.com/services/T0/B0/x"},{"delayMinutes":5,"channel":"email","destination":"on-call"},{"delayMinutes":15,"channel":"sms","destination":"+15551234567","highPriority":true}],"stillDownEveryMinutes":30}"""),
            Errors = [Invalid],
        },
        new("POST", "/api/projects/{projectId}/alert-settings/test", "Queue a test alert to every escalation destination of a project")
        {
            Description = "Admins and owners. One test alert per step's destination (the member on call now for on-call steps), due at once whatever the quiet hours; poll each id at `GET /api/alerts/deliveries/{deliveryId}`. A project without steps answers 422.",
            Success = StatusCodes.Status202Accepted,
            SuccessDescription = "`queued` and the `deliveryIds` to poll.",
            Errors = [Invalid],
        },
        new("GET", "/api/alerts/email", "The workspace's email alert rule")
        {
            Description = "Any member. While enabled, every incident of the projects it names (all when none) is emailed at once to each recipient, and so is its resolution.",
        },
        new("PUT", "/api/alerts/email", "Replace the workspace's email alert rule")
        {
            Description = "Admins and owners who see every project.",
            Body = typeof(AlertRuleRequest),
            Examples = Example("rule", """{"enabled":true,"recipients":["ops@example.com"],"projectIds":[]}"""),
            Errors = [Invalid],
        },
        new("GET", "/api/alerts/sms", "The workspace's SMS alert rule (Premium)"),
        new("PUT", "/api/alerts/sms", "Replace the workspace's SMS alert rule (Premium)")
        {
            Description = "Admins and owners who see every project. SMS counts as high priority: it goes out during quiet hours in `high_priority_only` mode.",
            Body = typeof(AlertRuleRequest),
            Examples = Example("rule", """{"enabled":true,"recipients":["+15551234567"]}"""),
            Errors = [Invalid],
        },
        new("POST", "/api/alerts/sms/test", "Send a test SMS (Premium)")
        {
            Description = "Admins and owners. To `to`, or to every recipient of the SMS rule.",
            Body = typeof(SmsTestRequest),
            Examples = Example("one number", """{"to":"+15551234567"}"""),
            Success = StatusCodes.Status202Accepted,
            SuccessDescription = "`queued` and the `deliveryIds` to poll.",
            Errors = [Invalid],
        },
        new("GET", "/api/incidents/{id}/deliveries", "Every alert delivery of an incident")
        {
            Description = "Any member who sees the incident's project. Oldest first, at most 1,000: each step, rule recipient, reminder and resolution with its status, attempts and the receiver's last answer; destinations masked as in a delivery read.",
            Errors = [StatusCodes.Status404NotFound],
        },
        new("GET", "/api/alerts/deliveries/{deliveryId}", "One alert delivery and how it went")
        {
            Description = "Any member. Status `pending`, `sending`, `sent`, `failed` or `cancelled`, with attempts and the receiver's last answer; webhook URLs show only their host, phone numbers their last four digits.",
            Errors = [StatusCodes.Status404NotFound],
        },
        new("POST", "/api/maintenance/devices/bulk-set", "Set one maintenance window on many devices")
        {
            Body = typeof(BulkMaintenanceRequest),
            Examples = Example("devices", $$"""{"deviceIds":["{{SampleId}}"],"end":"2026-12-01T06:00:00Z"}"""),
            SuccessDescription = "`updated` devices and the ids `notFound`.",
            Errors = [StatusCodes.Status404NotFound],
        },
        new("POST", "/api/maintenance/devices/bulk-clear", "Clear the maintenance window of many devices")
        {
            Body = typeof(DeviceIdsRequest),
            Examples = Example("devices", $$"""{"deviceIds":["{{SampleId}}"]}"""),
            SuccessDescription = "`updated` devices and the ids `notFound`.",
            Errors = [StatusCodes.Status404NotFound],
        },

        // Analytics
        new("GET", "/api/devices/{deviceId}/analytics", "A device's uptime and latency over a range")
        {
            Parameters = new Dictionary<string, string> { ["range"] = "24h (default), 7d, 30d or 90d." },
            Errors = [Invalid],
        },
        new("GET", "/api/devices/{deviceId}/latency/percentiles", "A device's exact nearest-rank latency percentiles")
        {
            Parameters = new Dictionary<string, string> { ["window"] = "1h, 24h (default), 7d or 30d." },
            Errors = [Invalid],
        },
        new("GET", "/api/reports/uptime", "Uptime per device and per project, in the caller's time zone")
        {
            Parameters = new Dictionary<string, string>
            {
                ["period"] = "daily (default: the last 30 days), weekly (12 weeks) or monthly (12 months).",
                ["excludeMaintenance"] = "true: checks inside maintenance windows are left out.",
            },
            Errors = [Invalid],
        },
        new("GET", "/api/incidents", "Incidents of the visible devices")
        {
            Parameters = new Dictionary<string, string> { ["status"] = "open, resolved or all (default)." },
            Errors = [Invalid],
        },

        // Workspaces and governance
        new("GET", "/api/user/permission-foundation", "The caller's role, permissions, project scope and plan"),
        new("POST", "/api/user/account-context", "Switch the session's active workspace")
        {
            Body = typeof(AccountContextRequest),
            Examples = Example("workspace", $$"""{"ownerUserId":"{{SampleId}}"}"""),
        },
        new("GET", "/api/user/team-invitations", "List the workspace's invitations"),
        new("POST", "/api/user/team-invitations", "Invite someone (a single-use token, 7 days by default)")
        {
            Body = typeof(InvitationRequest),
            Examples = Example("editor", $$"""{"email":"dev@example.com","role":"editor","projectIds":["{{SampleId}}"]}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "The invitation and its token.",
        },
        new("POST", "/api/user/team-invitations/{id}/cancel", "Cancel a pending invitation") { Errors = [Conflict] },
        new("POST", "/api/user/team-invitations/accept", "Accept an invitation (the invited email only)")
        {
            Body = typeof(AcceptInvitationRequest),
            Examples = Example("token", """{"token":"omi_..."}"""),
            Errors = [StatusCodes.Status404NotFound, Conflict],
        },
        new("GET", "/api/user/preferences", "The caller's preferences"),
        new("PUT", "/api/user/preferences/timezone", "Set the caller's time zone (reports use it)")
        {
            Body = typeof(TimeZoneRequest),
            Examples = Example("Paris", """{"timezone":"Europe/Paris"}"""),
        },
        new("GET", "/api/user/sessions", "The caller's sessions"),
        new("DELETE", "/api/user/sessions/{id}", "Revoke one of the caller's sessions"),
        new("GET", "/api/user/api-token", "Legacy token status"),
        new("GET", "/api/user/integration-posture", "Token posture of the workspace (admins)"),
        new("GET", "/api/support/summary", "Devices by status, open incidents, plan and limits"),

        // Status pages (Premium)
        new("GET", "/api/status-pages", "The workspace's status pages (Premium)")
        {
            Description = "Any member. A page including a project outside the caller's scope is left out. Tokens are never listed.",
        },
        new("POST", "/api/status-pages", "Create a status page: public, or private behind a token (Premium)")
        {
            Description = "Admins and owners. The slug is unique across the installation (409 `slug_taken`); the plan's status-page limit applies (403 `plan_limit_reached`). A private page's token is in this answer only.",
            Body = typeof(StatusPageRequest),
            Examples = Example("public page", $$"""{"title":"Acme status","slug":"acme","description":"Our public services","projectIds":["{{SampleId}}"],"visibility":"public"}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "The page (and `token` for a private page, shown once).",
            Errors = [Conflict],
        },
        new("PUT", "/api/status-pages/{id}", "Change a status page: fields left out keep their value (Premium)")
        {
            Description = "Admins and owners. A new slug answers at once and the old one stops; turning private issues a token (in this answer, once), turning public drops it.",
            Body = typeof(StatusPageUpdateRequest),
            Examples = Example("rename", """{"title":"Acme platform status","slug":"acme-platform"}"""),
            SuccessDescription = "The page (`token` set only when this change issued one).",
            Errors = [Conflict],
        },
        new("POST", "/api/status-pages/{id}/regenerate-token", "Rotate a private status page's token (Premium)")
        {
            Description = "Admins and owners. The new token is in this answer only; the old one stops working at once, on every API host. A public page answers 409 `status_page_not_private`.",
            SuccessDescription = "The page and its new `token`.",
            Errors = [Conflict],
        },
        new("GET", "/api/status-pages/{id}/updates", "A status page's manual updates, newest first (Premium)")
        {
            Description = "Any member. The newest 200 are kept.",
        },
        new("POST", "/api/status-pages/{id}/updates", "Publish a manual update on a status page (Premium)")
        {
            Description = "Editors, admins and owners. `deviceIds` must be devices of the page's projects (422 otherwise). The public view shows it at once.",
            Body = typeof(StatusUpdateRequest),
            Examples = Example("investigating", $$"""{"state":"investigating","message":"Checkout is slow; we are looking into it.","deviceIds":["{{SampleId}}"]}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "The update.",
        },
        new("GET", "/api/public/status-pages/{slug}", "A status page's share URL: title, overall state, projects and devices, latest updates (anonymous)")
        {
            Description = "Served from memory. A private page needs `?token=`; a missing or wrong token answers exactly as an unknown slug (404 `status_page_not_found`). Answers carry `ETag` and `Cache-Control: public, max-age=15` (`private` for a private page); `If-None-Match` with the current tag answers 304 without a body. No ids, owners or monitored addresses are shown.",
            Parameters = new Dictionary<string, string> { ["slug"] = "The page's slug.", ["token"] = "A private page's token." },
        },

        // Monoduty webhooks and notifications (errors in the MonodutyError body)
        new("GET", "/api/webhooks", "The workspace's webhooks with their inbound URL and statistics")
        {
            Description = "Any member. `statistics`: `total_calls` counts inbound posts and tests, `successful_calls` those whose every delivery was sent, `failed_calls` those with a delivery that failed for good (pending ones count in the total only).",
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("POST", "/api/webhooks", "Create a webhook: an inbound URL that passes alerts on by email, SMS, call or the in-app feed")
        {
            Description = "Admins and owners. At most 100 per workspace (403 `WEBHOOK_LIMIT_REACHED`). EMAIL needs `targetChannels.email`, SMS `targetChannels.sms`, CALL `targetChannels.call` or `.sms` (E.164).",
            Body = typeof(WebhookRequest),
            Examples = Example("email and sms", """{"name":"Production Alerts","description":"Critical production system alerts","notificationTypes":["EMAIL","SMS"],"targetChannels":{"email":"admin@company.com","sms":"+1234567890"}}"""),
            Success = StatusCodes.Status201Created,
            SuccessDescription = "Created, ACTIVE, with its `webhook_url`.",
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("GET", "/api/webhooks/{id}", "One webhook") { ErrorBody = typeof(Monoduty.MonodutyError) },
        new("GET", "/api/webhooks/{id}/deliveries", "The newest deliveries of a webhook's calls")
        {
            Description = "Any member. At most 100, newest first: channel, masked destination, status, attempts and the receiver's last answer.",
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("DELETE", "/api/webhooks/{id}", "Delete a webhook, its calls and its notifications")
        {
            Description = "Admins and owners. Its inbound URL answers 404 from now on; its deliveries not yet sent are cancelled.",
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("POST", "/api/webhooks/{id}/test", "Send a test notification through every channel of the webhook")
        {
            Description = "Admins and owners. Recorded as a call (it counts in the statistics) and fanned out like an inbound post.",
            SuccessDescription = "`delivery_ids`: one outbox delivery per notification type, sent in the background.",
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("GET", "/api/notifications", "The workspace's in-app notifications, newest first, with the caller's read state")
        {
            Parameters = new Dictionary<string, string> { ["page"] = "Page from 1 (default 1).", ["limit"] = "Per page, 1 to 100 (default 20; larger values are cut to 100)." },
            Errors = [BadRequest],
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("GET", "/api/notifications/unread-count", "How many notifications the caller has not read") { ErrorBody = typeof(Monoduty.MonodutyError) },
        new("POST", "/api/notifications/mark-all-read", "Mark every notification read for the caller")
        {
            Description = "Read state is the caller's own: other members' unread counts do not change.",
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
        new("POST", "/hooks/{token}", "Post an alert to a webhook's inbound URL (public; the token is the credential)")
        {
            Description = "Fans out to the webhook's channels through the durable outbox. Rate-limited per token (`Monoduty:InboundPermitsPerToken` per `Monoduty:InboundWindow`, 60 per minute by default). Text is cleaned (NUL, lone surrogates and bytes that are not UTF-8 become U+FFFD) and cut; the body may be at most 64 KiB. The token never appears in logs.",
            Body = typeof(InboundAlertRequest),
            Examples = Example("alert", """{"title":"Disk almost full","message":"db-1: /var at 97%","severity":"critical"}"""),
            Parameters = new Dictionary<string, string> { ["token"] = "The webhook's inbound token (the last segment of its `webhook_url`)." },
            Success = StatusCodes.Status202Accepted,
            SuccessDescription = "Recorded; `delivery_ids` are sent in the background.",
            Errors = [TooMany],
            ErrorBody = typeof(Monoduty.MonodutyError),
        },
    ];

    private static readonly Dictionary<(string Method, string Path), RouteDoc> ByRoute =
        All.ToDictionary(d => (d.Method, d.Path));

    /// <summary>The route's entry, or null when it has none.</summary>
    public static RouteDoc? Find(string method, string path) => ByRoute.GetValueOrDefault((method.ToUpperInvariant(), path));

    public static RouteDoc? Find(ApiDescription description) =>
        description.HttpMethod is { } method ? Find(method, PathOf(description)) : null;

    /// <summary>The path as the document writes it: <c>/</c> and the relative path without a trailing slash.</summary>
    public static string PathOf(ApiDescription description) => "/" + (description.RelativePath ?? "").TrimEnd('/');

    private static Dictionary<string, string> Example(string name, string json) => new() { [name] = json };
}
