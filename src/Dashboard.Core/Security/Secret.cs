using System.Security.Cryptography;
using System.Text;

namespace Dashboard.Core.Security;

/// <summary>Bearer secrets (API keys, display tokens): random, shown once, stored only as a hash.</summary>
public static class Secret
{
    /// <summary>192 random bits after a short prefix that tells people what kind of secret it is.</summary>
    public static string New(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    // The secret is 192 random bits, so a fast hash is enough: there is nothing to brute-force.
    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
