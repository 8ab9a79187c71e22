using System.Buffers.Text;
using System.Security.Cryptography;
using Lindung.Core.Registry.Protection;

namespace Lindung.Web.Infrastructure;

/// <summary>
/// A NIK never travels in a URL: URLs end up in access logs, proxy logs and browser history. Search forms that may
/// receive a NIK post it; the page answers with a redirect whose URL carries the NIK sealed with the NIK key
/// (AES-GCM, a fresh nonce each time: <c>nik~…</c>), which only this installation can open. The search box then
/// shows the NIK masked. Proof: <c>NikInUrlsTests</c> and the log scan of the whole test run.
/// </summary>
public static class NikInUrls
{
    public const string Prefix = "nik~";

    /// <summary>True when the text is a NIK as people type it: 16 digits, with optional spaces, dots or dashes.</summary>
    public static bool IsNik(string? text, out string digits)
    {
        digits = "";
        var q = text?.Trim() ?? "";
        if (q.Length == 0 || !q.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '-'))
        {
            return false;
        }

        digits = new string(q.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 16;
    }

    /// <summary>The value to put in a URL: a NIK sealed, a sealed value kept, anything else unchanged.</summary>
    public static string? ForUrl(NikProtector protector, string? text) =>
        IsNik(text, out var digits) ? Prefix + Base64Url.EncodeToString(protector.Encrypt(digits)) : text;

    /// <summary>The NIK inside a sealed value, or null when the value is not one (or was tampered with).</summary>
    public static string? Unseal(NikProtector protector, string? value)
    {
        if (value is null || !value.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            return protector.Decrypt(Base64Url.DecodeFromChars(value.AsSpan(Prefix.Length)));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>What a search box shows for a URL value: a sealed NIK masked, anything else as it is.</summary>
    public static string? ForDisplay(NikProtector protector, string? value) =>
        Unseal(protector, value) is { } digits ? NikProtector.Mask(digits) : value;

    /// <summary>
    /// The search text a form posted, ready for the URL: a NIK is sealed; the masked NIK the box showed (unchanged by
    /// the user) keeps the sealed value it stands for.
    /// </summary>
    public static string? FromForm(NikProtector protector, string? posted, string? sealedBefore) =>
        posted is not null && posted.Contains('•', StringComparison.Ordinal) && Unseal(protector, sealedBefore) is { } before
            && NikProtector.Mask(before) == posted.Trim()
            ? sealedBefore
            : ForUrl(protector, posted);
}
