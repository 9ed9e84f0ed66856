namespace Dashboard.Core;

/// <summary>
/// An operation that the entity's rules refuse, such as an illegal status transition. <see cref="Code"/> names the rule
/// (screens show the resource <c>Rule.{Code}</c> in the reader's language, formatted with <see cref="Arguments"/>);
/// the message stays English for the API, logs and tests.
/// </summary>
public sealed class DomainRuleException(string code, string message, params object[] arguments) : InvalidOperationException(message)
{
    /// <summary>Stable name of the rule, e.g. <c>Warning.ReviewerOnly</c>.</summary>
    public string Code { get; } = code;

    /// <summary>Values for the placeholders <c>{0}</c>, <c>{1}</c>… of the localised text: enums and <see cref="RuleTerm"/>s are shown localised.</summary>
    public object[] Arguments { get; } = arguments;
}

/// <summary>
/// A named thing in a refusal, such as the step refused: screens show the resource <see cref="Key"/>, English text shows <see cref="Name"/>.
/// </summary>
public sealed record RuleTerm(string Key, string Name)
{
    public override string ToString() => Name;
}
