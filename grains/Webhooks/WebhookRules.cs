using System.Text;
using OrleansMonitor.GrainInterfaces.Webhooks;
using OrleansMonitor.Grains.Text;

namespace OrleansMonitor.Grains.Webhooks;

/// <summary>
/// What a webhook must be before it is stored: a one-line name of 3 to <see cref="NameMaxLength"/> characters, a
/// description of at most <see cref="DescriptionMaxLength"/>, one or more distinct notification types, and a target
/// each of them can reach (a valid email address for EMAIL, an E.164 number for SMS and for CALL, which falls back to
/// the SMS number). Targets not needed by any type are dropped. Also the alias rule: a slug of the name.
/// </summary>
public static class WebhookRules
{
    public const int NameMinLength = 3;
    public const int NameMaxLength = 100;
    public const int DescriptionMaxLength = 1000;
    public const int AliasMaxLength = 48;

    private const string Latin = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőřśšşťùúûüūůűųýÿźżž";
    private const string LatinAscii = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorssstuuuuuuuuyyzzz";

    /// <summary>The webhook cleaned (trimmed, numbers in E.164), or the field errors.</summary>
    public static (NewWebhook? Webhook, Dictionary<string, string> Errors) Check(NewWebhook webhook)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = (webhook.Name ?? string.Empty).Trim();
        if (name.Length < NameMinLength || name.Length > NameMaxLength)
        {
            errors["name"] = $"name must be {NameMinLength} to {NameMaxLength} characters";
        }
        else if (!OneLineText.IsValid(name))
        {
            errors["name"] = "name must be one line of text";
        }

        var description = webhook.Description?.Trim();
        if (description is { Length: > DescriptionMaxLength })
        {
            errors["description"] = $"description must be at most {DescriptionMaxLength} characters";
        }
        else if (description is not null && !StoredText.IsClean(description))
        {
            errors["description"] = "description must be text";
        }

        var types = webhook.NotificationTypes ?? [];
        if (types.Count == 0)
        {
            errors["notificationTypes"] = "notificationTypes must name at least one of EMAIL, SMS, PUSH_NOTIF, CALL";
        }
        else if (types.Distinct().Count() != types.Count)
        {
            errors["notificationTypes"] = "notificationTypes must not repeat a type";
        }
        else if (types.Any(t => !Enum.IsDefined(t)))
        {
            errors["notificationTypes"] = "notificationTypes must each be one of EMAIL, SMS, PUSH_NOTIF, CALL";
        }

        var targets = webhook.Targets ?? WebhookTargets.None;
        string? email = null, sms = null, call = null;
        if (types.Contains(NotificationType.Email))
        {
            email = targets.Email?.Trim();
            if (!EmailAddress.IsValid(email))
            {
                errors["targetChannels.email"] = "targetChannels.email must be a valid email address for EMAIL";
            }
        }

        var needsSms = types.Contains(NotificationType.Sms);
        if (needsSms || types.Contains(NotificationType.Call) && targets.Call is null)
        {
            sms = PhoneNumber.Normalize(targets.Sms);
            if (sms is null)
            {
                errors["targetChannels.sms"] = needsSms
                    ? "targetChannels.sms must be a phone number in E.164 form (+ and 7 to 15 digits) for SMS"
                    : "targetChannels.call (or targetChannels.sms) must be a phone number in E.164 form for CALL";
            }
        }

        if (types.Contains(NotificationType.Call) && targets.Call is not null)
        {
            call = PhoneNumber.Normalize(targets.Call);
            if (call is null)
            {
                errors["targetChannels.call"] = "targetChannels.call must be a phone number in E.164 form (+ and 7 to 15 digits) for CALL";
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new NewWebhook(name, string.IsNullOrEmpty(description) ? null : description, [.. types], new WebhookTargets(email, sms, call)), errors);
    }

    /// <summary>
    /// The alias of <paramref name="name"/>: lowercase ASCII letters and digits, other runs become one dash, at most
    /// <see cref="AliasMaxLength"/> characters; "webhook" when nothing is left.
    /// </summary>
    public static string Slug(string name)
    {
        var builder = new StringBuilder(AliasMaxLength);
        foreach (var c in (name ?? string.Empty).ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (builder.Length >= AliasMaxLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (Latin.IndexOf(c) is var at and >= 0)
            {
                builder.Append(LatinAscii[at]); // the globalization-invariant runtime does not decompose letters
            }
            else if (char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent of a decomposed letter
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "webhook" : slug;
    }

    /// <summary><paramref name="slug"/> or the first of <c>slug-2</c>, <c>slug-3</c>, … that <paramref name="taken"/> does not hold.</summary>
    public static string UniqueAlias(string slug, IReadOnlySet<string> taken)
    {
        ArgumentNullException.ThrowIfNull(taken);
        if (!taken.Contains(slug))
        {
            return slug;
        }

        for (var n = 2; ; n++)
        {
            var suffix = "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var candidate = (slug.Length + suffix.Length > AliasMaxLength ? slug[..(AliasMaxLength - suffix.Length)].TrimEnd('-') : slug) + suffix;
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }
}
