using Npgsql;
using NpgsqlTypes;
using OrleansMonitor.GrainInterfaces.Workspaces;

namespace OrleansMonitor.Grains.Workspaces;

/// <summary>The om_memberships and om_invitations tables.</summary>
public sealed class MembershipStore(NpgsqlDataSource dataSource)
{
    public static string RoleText(WorkspaceRole role) => role.ToString().ToLowerInvariant();

    public static WorkspaceRole ParseRole(string text) => Enum.Parse<WorkspaceRole>(text, ignoreCase: true);

    public async Task<IReadOnlyList<(Guid UserId, WorkspaceRole Role, IReadOnlyList<Guid>? Scope)>> MembersAsync(Guid workspaceId)
    {
        await using var command = dataSource.CreateCommand("SELECT user_id, role, project_scope FROM om_memberships WHERE workspace_id = $1");
        command.Parameters.AddWithValue(workspaceId);
        var members = new List<(Guid, WorkspaceRole, IReadOnlyList<Guid>?)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            members.Add((reader.GetGuid(0), ParseRole(reader.GetString(1)), reader.IsDBNull(2) ? null : reader.GetFieldValue<Guid[]>(2)));
        }

        return members;
    }

    public async Task UpsertMemberAsync(Guid workspaceId, Guid userId, WorkspaceRole role, IReadOnlyList<Guid>? scope)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_memberships (workspace_id, user_id, role, project_scope) VALUES ($1, $2, $3, $4)
            ON CONFLICT (workspace_id, user_id) DO UPDATE SET role = EXCLUDED.role, project_scope = EXCLUDED.project_scope
            """);
        command.Parameters.AddWithValue(workspaceId);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(RoleText(role));
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, (object?)scope?.ToArray() ?? DBNull.Value);
        await command.ExecuteNonQueryAsync();
    }

    public async Task AddInvitationAsync(InvitationRecord invitation, Guid invitedBy, byte[] tokenHash)
    {
        await using var command = dataSource.CreateCommand("""
            INSERT INTO om_invitations (id, workspace_id, email, role, project_scope, token_hash, invited_by, created_at, expires_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            """);
        command.Parameters.AddWithValue(invitation.Id);
        command.Parameters.AddWithValue(invitation.WorkspaceId);
        command.Parameters.AddWithValue(invitation.Email);
        command.Parameters.AddWithValue(RoleText(invitation.Role));
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Uuid, (object?)invitation.ProjectScope?.ToArray() ?? DBNull.Value);
        command.Parameters.AddWithValue(tokenHash);
        command.Parameters.AddWithValue(invitedBy);
        command.Parameters.AddWithValue(invitation.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue(invitation.ExpiresAt.UtcDateTime);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<InvitationRecord>> InvitationsAsync(Guid workspaceId) =>
        await ReadInvitationsAsync("WHERE workspace_id = $1 ORDER BY created_at DESC LIMIT 500", workspaceId);

    public async Task<InvitationRecord?> InvitationAsync(Guid invitationId) =>
        (await ReadInvitationsAsync("WHERE id = $1", invitationId)).FirstOrDefault();

    public async Task<InvitationRecord?> InvitationByTokenAsync(byte[] tokenHash) =>
        (await ReadInvitationsAsync("WHERE token_hash = $1", tokenHash)).FirstOrDefault();

    /// <summary>Marks a pending invitation accepted; false when it was already used or cancelled (single use, race-free).</summary>
    public async Task<bool> MarkAcceptedAsync(Guid invitationId, Guid userId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_invitations SET accepted_at = $3, accepted_by = $2
            WHERE id = $1 AND accepted_at IS NULL AND cancelled_at IS NULL AND expires_at > $3
            """);
        command.Parameters.AddWithValue(invitationId);
        command.Parameters.AddWithValue(userId);
        command.Parameters.AddWithValue(at.UtcDateTime);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    public async Task<bool> MarkCancelledAsync(Guid invitationId, DateTimeOffset at)
    {
        await using var command = dataSource.CreateCommand("""
            UPDATE om_invitations SET cancelled_at = $2 WHERE id = $1 AND accepted_at IS NULL AND cancelled_at IS NULL
            """);
        command.Parameters.AddWithValue(invitationId);
        command.Parameters.AddWithValue(at.UtcDateTime);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    private async Task<IReadOnlyList<InvitationRecord>> ReadInvitationsAsync(string where, object parameter)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, workspace_id, email, role, project_scope, created_at, expires_at, accepted_at, cancelled_at FROM om_invitations {where}
            """);
        command.Parameters.AddWithValue(parameter);
        var invitations = new List<InvitationRecord>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            invitations.Add(new InvitationRecord(
                reader.GetGuid(0),
                reader.GetGuid(1),
                reader.GetString(2),
                ParseRole(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<Guid[]>(4),
                Utc(reader.GetDateTime(5)),
                Utc(reader.GetDateTime(6)),
                reader.IsDBNull(7) ? null : Utc(reader.GetDateTime(7)),
                reader.IsDBNull(8) ? null : Utc(reader.GetDateTime(8))));
        }

        return invitations;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
