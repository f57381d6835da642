namespace OrleansMonitor.GrainInterfaces.StatusPages;

/// <summary>
/// The share URL's entry (keyed by the slug): which page has the slug, read from PostgreSQL once per activation and
/// kept in memory, so a read of the share URL costs no query. The page grain remains the judge (it checks the slug and
/// the token itself), so a mapping a moment out of date can never show a page at a slug it left.
/// </summary>
public interface IStatusPageSlugGrain : IGrainWithStringKey
{
    /// <summary>The page's public view (see <see cref="IStatusPageGrain.ReadAsync"/>), or not found when no page has the slug.</summary>
    Task<PublicReadOutcome> ReadAsync(string? token, string? ifNoneMatch);

    /// <summary>Reads the slug's page again: called after a page took or left the slug.</summary>
    Task RefreshAsync();
}
