using Dashboard.Core.Jurisdictions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dashboard.Core.Warnings;

public enum WarningState { Issued, SignedFor, FeedbackGiven, Verified, Closed }
public enum WarningLevel { Blue, Yellow, Orange, Red }

/// <summary>A warning rule (预警模型); its parameters are data an admin edits.</summary>
public sealed class WarningModel
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public bool Enabled { get; set; } = true;
    public string ParametersJson { get; set; } = "{}";
    public int SignDeadlineMinutes { get; set; } = 30;
}

/// <summary>One firing of a model (预警) and its closed loop: issued → signed for → feedback → verified → closed.</summary>
public sealed class Warning : IJurisdictionScoped
{
    public long Id { get; set; }
    public required string ModelCode { get; set; }
    public required string SubjectKey { get; set; }
    public required string Title { get; set; }
    public WarningLevel Level { get; set; }
    public WarningState State { get; private set; } = WarningState.Issued;
    public required string JurisdictionPath { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public int Count { get; private set; } = 1;
    public DateTimeOffset? SignedForAt { get; private set; }
    public string? SignedForBy { get; private set; }
    public DateTimeOffset? FeedbackAt { get; private set; }
    public string? Feedback { get; private set; }
    public DateTimeOffset? VerifiedAt { get; private set; }
    public string? VerifiedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public DateTimeOffset? EscalatedAt { get; private set; }
    public string? EscalatedTo { get; private set; }
    public List<WarningEvidence> Evidence { get; set; } = [];

    public bool IsOpen => State != WarningState.Closed;

    public void AddEvidence(WarningEvidence evidence)
    {
        if (Evidence.Any(e => e.Kind == evidence.Kind && e.Reference == evidence.Reference)) return;
        Evidence.Add(evidence);
        Count++;
    }

    public void SignFor(string user, DateTimeOffset at)
    {
        Require(WarningState.Issued, "sign for");
        (State, SignedForAt, SignedForBy) = (WarningState.SignedFor, at.ToUniversalTime(), user);
    }

    public void GiveFeedback(string text, DateTimeOffset at)
    {
        Require(WarningState.SignedFor, "give feedback on");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainRuleException("Feedback needs text.");
        (State, FeedbackAt, Feedback) = (WarningState.FeedbackGiven, at.ToUniversalTime(), text);
    }

    public void Verify(string user, DateTimeOffset at)
    {
        Require(WarningState.FeedbackGiven, "verify");
        (State, VerifiedAt, VerifiedBy) = (WarningState.Verified, at.ToUniversalTime(), user);
    }

    public void Close(DateTimeOffset at)
    {
        Require(WarningState.Verified, "close");
        (State, ClosedAt) = (WarningState.Closed, at.ToUniversalTime());
    }

    /// <summary>Escalates (督办) an unsigned warning one level up; returns false when there is nothing to escalate.</summary>
    public bool Escalate(string toPath, DateTimeOffset at)
    {
        if (State != WarningState.Issued || EscalatedAt is not null) return false;
        (EscalatedAt, EscalatedTo) = (at.ToUniversalTime(), toPath);
        return true;
    }

    private void Require(WarningState expected, string action)
    {
        if (State != expected) throw new DomainRuleException($"Cannot {action} a warning that is {State}.");
    }
}

public sealed class WarningEvidence
{
    public long Id { get; set; }
    public long WarningId { get; set; }
    public required string Kind { get; set; }
    public required string Reference { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

internal sealed class WarningModelConfiguration : IEntityTypeConfiguration<WarningModel>
{
    public void Configure(EntityTypeBuilder<WarningModel> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(100);
        b.HasIndex(x => x.Code).IsUnique();
    }
}

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.Property(x => x.ModelCode).HasMaxLength(64);
        b.Property(x => x.SubjectKey).HasMaxLength(200);
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.JurisdictionPath).HasMaxLength(200);
        b.Property(x => x.Level).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.SignedForBy).HasMaxLength(64);
        b.Property(x => x.VerifiedBy).HasMaxLength(64);
        b.Property(x => x.EscalatedTo).HasMaxLength(200);
        b.Property(x => x.Feedback).HasMaxLength(2000);
        b.Ignore(x => x.IsOpen);
        b.HasIndex(x => new { x.ModelCode, x.SubjectKey, x.State });
        b.HasIndex(x => new { x.JurisdictionPath, x.State });
        b.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.WarningId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WarningEvidenceConfiguration : IEntityTypeConfiguration<WarningEvidence>
{
    public void Configure(EntityTypeBuilder<WarningEvidence> b)
    {
        b.Property(x => x.Kind).HasMaxLength(16);
        b.Property(x => x.Reference).HasMaxLength(64);
        b.Property(x => x.Note).HasMaxLength(500);
    }
}
