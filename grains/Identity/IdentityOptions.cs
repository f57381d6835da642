namespace OrleansMonitor.Grains.Identity;

/// <summary>Identity settings (section <c>Identity</c>).</summary>
public sealed class IdentityOptions
{
    /// <summary>open (default) or closed: see <see cref="RegistrationMode"/>.</summary>
    public RegistrationMode Registration { get; set; } = RegistrationMode.Open;

    /// <summary>How long a session lasts after login.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(14);

    public int MinPasswordLength { get; set; } = 8;

    /// <summary>Longest accepted password (bounds the hashing work an attacker can ask for).</summary>
    public int MaxPasswordLength { get; set; } = 256;

    /// <summary>Longest accepted API token lifetime.</summary>
    public int MaxTokenDays { get; set; } = 3650;
}
