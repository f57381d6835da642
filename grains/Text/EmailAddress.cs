using System.Net.Mail;

namespace OrleansMonitor.Grains.Text;

/// <summary>
/// What the product accepts as an email address, wherever one is given (registration, alert destinations, on-call
/// members): one line, at most 254 characters, a plain address (no display name) with a dot in it.
/// </summary>
public static class EmailAddress
{
    public const int MaxLength = 254;

    public static bool IsValid(string? email) =>
        email is { Length: > 0 and <= MaxLength } && OneLineText.IsValid(email) && MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email && email.Contains('.', StringComparison.Ordinal);
}
