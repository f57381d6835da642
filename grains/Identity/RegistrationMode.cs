namespace OrleansMonitor.Grains.Identity;

/// <summary>Who may create an account (<c>Identity:Registration</c>).</summary>
public enum RegistrationMode
{
    /// <summary>Anyone.</summary>
    Open,

    /// <summary>The installation's first user, then only people holding a pending invitation sent to their email.</summary>
    Closed,
}
