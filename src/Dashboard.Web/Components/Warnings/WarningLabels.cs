using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Components.Warnings;

/// <summary>Names of warning codes in the reader's language.</summary>
public static class WarningLabels
{
    /// <summary>A model's name; a model added since the resources were written shows its code.</summary>
    public static string ModelName(this IStringLocalizer l, string code) =>
        l[$"WarningModel.{code}"] is { ResourceNotFound: false } name ? name.Value : code;

    public static string ActionName(this IStringLocalizer l, string action) =>
        l[$"WarningAction.{action}"] is { ResourceNotFound: false } name ? name.Value : action;

    public static string ActorName(this IStringLocalizer l, string actor) => actor == "system" ? l["Warnings.System"] : actor;
}
