using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Data;
using Lindung.Core.Tenancy;

namespace Lindung.Core.Api;

/// <summary>
/// Another government system allowed to call <c>/api/v1</c> for one tenant (optionally one OPD). Only the
/// SHA-256 of its token is stored; the token itself is shown once, when the client is registered.
/// </summary>
public sealed class ApiClient : ITenantOwned, IStamped, IAudited
{
    public Guid Id { get; set; } = VersionSevenId.New();
    public string TenantCode { get; set; } = "";
    public required string Name { get; set; }

    /// <summary>When set, the client sees and submits only this OPD's records.</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>False = read only; true = may also submit workers.</summary>
    public bool MayWrite { get; set; }

    public bool MayRevealNik { get; set; }

    /// <summary>SHA-256 of the whole token (never audited, never shown).</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>The first characters of the token, so an Administrator can tell tokens apart.</summary>
    public required string TokenPrefix { get; set; }

    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ModifiedAt { get; set; }

    public bool IsActive => RevokedAt is null;
}

/// <summary>Bearer tokens for API clients: <c>lnd_</c> + 32 random bytes (base64url), stored as SHA-256.</summary>
public static class ApiTokens
{
    public const string Prefix = "lnd_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>The visible part of a token kept for recognition: the prefix and 4 characters.</summary>
    public static string Visible(string token) => token[..Math.Min(token.Length, Prefix.Length + 4)];

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
