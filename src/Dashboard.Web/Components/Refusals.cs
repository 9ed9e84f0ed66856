using System.Globalization;
using Dashboard.Core;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components;

/// <summary>A rule's refusal in the reader's language.</summary>
public static class Refusals
{
    /// <summary>
    /// The resource <c>Rule.{Code}</c> formatted with the exception's arguments, enums and <see cref="RuleTerm"/>s localised;
    /// the English message when the resource is missing or does not fit the arguments.
    /// </summary>
    public static string Refusal(this IStringLocalizer l, DomainRuleException ex)
    {
        if (l[$"Rule.{ex.Code}"] is not { ResourceNotFound: false } text) return ex.Message;
        try
        {
            return string.Format(CultureInfo.CurrentCulture, text.Value, ex.Arguments.Select(a => Argument(l, a)).ToArray());
        }
        catch (FormatException)
        {
            return ex.Message;
        }
    }

    private static object Argument(IStringLocalizer l, object argument)
    {
        var key = argument switch
        {
            RuleTerm term => term.Key,
            Enum value => $"{value.GetType().Name}.{value}",
            _ => null,
        };
        return key is not null && l[key] is { ResourceNotFound: false } name ? name.Value : argument;
    }
}
