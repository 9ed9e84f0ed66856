using Microsoft.AspNetCore.Identity;

namespace Dashboard.Core.Security;

public sealed class DashboardUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>Code of the jurisdiction node this person works for; it bounds everything they see.</summary>
    public string JurisdictionCode { get; set; } = "";
}

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Leader = nameof(Leader);
    public const string StationChief = nameof(StationChief);
    public const string Officer = nameof(Officer);
    public const string Staff = nameof(Staff);
    public const string Display = nameof(Display);

    public static readonly string[] All = [Admin, Leader, StationChief, Officer, Staff, Display];

    /// <summary>Everyone who works at a desk, as opposed to an unattended display.</summary>
    public const string People = "Admin,Leader,StationChief,Officer,Staff";
}
