namespace OrleansMonitor.Grains.Workspaces;

/// <summary>
/// Whether a device may take a parent: the parent is a device the caller sees, not the device itself, and the chain of
/// parents above it ends within <see cref="MaxDepth"/> links without coming back to the device (a cycle). The walk is
/// bounded, so a chain deeper than that is refused as well.
/// </summary>
public static class DependencyRules
{
    /// <summary>Links a chain of parents may have at most, the new one included.</summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// The reason <paramref name="deviceId"/> may not take <paramref name="parentId"/>, or null when it may.
    /// <paramref name="sees"/> says whether a device exists in the workspace and the caller sees it;
    /// <paramref name="parentOf"/> answers the current parent of a device (null when none).
    /// </summary>
    public static string? RefusalFor(Guid deviceId, Guid parentId, Func<Guid, bool> sees, Func<Guid, Guid?> parentOf)
    {
        if (parentId == deviceId)
        {
            return "parentId must name another device: a device cannot depend on itself";
        }

        if (!sees(parentId))
        {
            return "parentId must name a device of this workspace";
        }

        var current = parentId;
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            if (parentOf(current) is not { } next)
            {
                return null;
            }

            if (next == deviceId)
            {
                return "parentId would make a dependency cycle: the parent depends on this device";
            }

            current = next;
        }

        return $"parentId would make a chain of more than {MaxDepth} dependent devices";
    }
}
