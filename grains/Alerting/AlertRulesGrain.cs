using OrleansMonitor.GrainInterfaces.Workspaces;
using OrleansMonitor.Grains.Storage;

namespace OrleansMonitor.Grains.Alerting;

/// <summary>
/// A workspace's email and SMS alert rules, in grain storage. Members read them; admins and owners who see every
/// project change them (a rule covers the whole workspace; the API host checks the role). The alert sweeper reads them when it plans an incident.
/// </summary>
[GrainType("alertrules")]
public sealed class AlertRulesGrain(
    [PersistentState("alertrules", StorageNames.Monitors)] IPersistentState<AlertRulesState> state) : Grain, IAlertRulesGrain
{
    public Task<WorkspaceAlertRule> GetAsync(WorkspaceAccess caller, ChannelKind channel)
    {
        EnsureOfThisWorkspace(caller);
        return Task.FromResult(state.State.Rules.GetValueOrDefault(channel) ?? WorkspaceAlertRule.None);
    }

    public async Task<AlertRuleOutcome> SetAsync(WorkspaceAccess caller, ChannelKind channel, WorkspaceAlertRule rule)
    {
        EnsureOfThisWorkspace(caller);
        if (caller.IsScoped)
        {
            return new AlertRuleOutcome(null, ScopeForbids: true);
        }

        if (!AlertRecipientRules.TryNormalize(channel, rule, out var normalized, out var errors))
        {
            return new AlertRuleOutcome(null, errors);
        }

        var previous = state.State.Rules.GetValueOrDefault(channel);
        state.State.Rules[channel] = normalized;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            if (previous is null)
            {
                state.State.Rules.Remove(channel);
            }
            else
            {
                state.State.Rules[channel] = previous;
            }

            throw;
        }

        return new AlertRuleOutcome(normalized);
    }

    private void EnsureOfThisWorkspace(WorkspaceAccess caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.WorkspaceId != this.GetPrimaryKey())
        {
            throw new ArgumentException($"The caller is of workspace {caller.WorkspaceId}, not {this.GetPrimaryKey()}", nameof(caller));
        }
    }
}
