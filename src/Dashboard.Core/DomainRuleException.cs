namespace Dashboard.Core;

/// <summary>An operation that the entity's rules refuse, such as an illegal status transition.</summary>
public sealed class DomainRuleException(string message) : InvalidOperationException(message);
