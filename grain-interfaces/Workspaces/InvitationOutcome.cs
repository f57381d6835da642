namespace OrleansMonitor.GrainInterfaces.Workspaces;

/// <summary>The answer to an invitation command: the invitation (and, on creation, its single-use token), or why not.</summary>
/// <param name="Error">A machine code: invitation_not_found, invitation_cancelled, invitation_expired, invitation_used, invitation_email_mismatch, validation_failed, forbidden_role (the inviter may not grant that role), forbidden_scope (nor those projects).</param>
[GenerateSerializer, Immutable, Alias("OrleansMonitor.InvitationOutcome")]
public sealed record InvitationOutcome(
    [property: Id(0)] InvitationInfo? Invitation,
    [property: Id(1)] string? Token,
    [property: Id(2)] string? Error,
    [property: Id(3)] IReadOnlyDictionary<string, string>? Errors = null);
