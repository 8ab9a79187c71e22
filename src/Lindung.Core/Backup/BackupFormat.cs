using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Lindung.Core.Formatting;

namespace Lindung.Core.Backup;

/// <summary>
/// The encrypted envelope of a Lindung backup (format version 1), see <c>docs/backup.md</c>:
/// a 44-byte header, then the content sealed chunk by chunk with AES-256-GCM under a key derived from the
/// passphrase with PBKDF2-HMAC-SHA256. Every chunk's associated data is the whole header, the chunk's
/// index and a final-chunk flag, so a changed header, a changed, dropped, reordered or appended chunk and a
/// cut-off file all fail authentication. The last chunk is always shorter than the chunk size (possibly
/// empty), which is how a reader tells it from a full one.
/// </summary>
public static class BackupFormat
{
    public const ushort Version = 1;
    public const byte KdfPbkdf2Sha256 = 1;
    public const byte CipherAes256Gcm = 1;

    /// <summary>OWASP's 2023 figure for PBKDF2-HMAC-SHA256; the shipped default never goes below it.</summary>
    public const int DefaultIterations = 600_000;

    public const int DefaultChunkSize = 1 << 20;
    public const int SaltSize = 16;
    public const int NoncePrefixSize = 8;
    public const int TagSize = 16;
    public const int HeaderSize = 8 + 2 + 1 + 1 + 4 + SaltSize + NoncePrefixSize + 4;
    public const int MinimumPassphraseLength = 12;

    internal const int MinChunkSize = 4 * 1024;
    internal const int MaxChunkSize = 16 << 20;

    // Bounds a reader accepts from a header: a forged header must not make a restore spin for hours.
    internal const int MaxIterations = 10_000_000;

    public static ReadOnlySpan<byte> Magic => "LINDUNGB"u8;

    internal static byte[] DeriveKey(string passphrase, ReadOnlySpan<byte> salt, int iterations) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, iterations, HashAlgorithmName.SHA256, 32);

    internal static byte[] NewHeader(int iterations, int chunkSize, out ReadOnlySpan<byte> salt, out ReadOnlySpan<byte> noncePrefix)
    {
        var header = new byte[HeaderSize];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), Version);
        header[10] = KdfPbkdf2Sha256;
        header[11] = CipherAes256Gcm;
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(12), iterations);
        RandomNumberGenerator.Fill(header.AsSpan(16, SaltSize + NoncePrefixSize));
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(40), chunkSize);
        salt = header.AsSpan(16, SaltSize);
        noncePrefix = header.AsSpan(16 + SaltSize, NoncePrefixSize);
        return header;
    }

    /// <summary>Reads and checks a header; throws <see cref="BackupException"/> for anything not a version-1 archive.</summary>
    internal static (int Iterations, int ChunkSize) ParseHeader(ReadOnlySpan<byte> header)
    {
        if (header.Length < HeaderSize || !header[..8].SequenceEqual(Magic))
        {
            throw new BackupException(BackupFailure.NotAnArchive, BackupMessages.NotAnArchive);
        }

        var version = BinaryPrimitives.ReadUInt16BigEndian(header[8..]);
        if (version != Version || header[10] != KdfPbkdf2Sha256 || header[11] != CipherAes256Gcm)
        {
            throw new BackupException(BackupFailure.UnsupportedVersion,
                BackupMessages.UnsupportedVersion(version, Version));
        }

        var iterations = BinaryPrimitives.ReadInt32BigEndian(header[12..]);
        var chunkSize = BinaryPrimitives.ReadInt32BigEndian(header[40..]);
        if (iterations < 1 || iterations > MaxIterations || chunkSize < MinChunkSize || chunkSize > MaxChunkSize)
        {
            throw new BackupException(BackupFailure.Tampered, BackupMessages.HeaderTampered);
        }

        return (iterations, chunkSize);
    }

    internal static void ChunkNonce(ReadOnlySpan<byte> noncePrefix, long index, Span<byte> nonce)
    {
        noncePrefix.CopyTo(nonce);
        BinaryPrimitives.WriteUInt32BigEndian(nonce[NoncePrefixSize..], checked((uint)index));
    }

    internal static void ChunkAssociatedData(ReadOnlySpan<byte> header, long index, bool final, Span<byte> ad)
    {
        header.CopyTo(ad);
        BinaryPrimitives.WriteInt64BigEndian(ad[HeaderSize..], index);
        ad[HeaderSize + 8] = final ? (byte)1 : (byte)0;
    }

    internal const int AssociatedDataSize = HeaderSize + 8 + 1;
}

public enum BackupFailure
{
    NotAnArchive,
    UnsupportedVersion,
    WrongPassphraseOrTampered,
    Tampered,
    Truncated,
    Incomplete,
    TargetNotEmpty,
    WrongKind,
    KeyMismatch,
}

/// <summary>
/// An archive that cannot be restored, or a restore refused. <see cref="Text"/> says why for the operator;
/// <see cref="Message"/> is that text in the current UI culture (Bahasa Indonesia or English).
/// </summary>
public sealed class BackupException(BackupFailure failure, CoreMessage text) : Exception(null)
{
    public BackupFailure Failure { get; } = failure;

    public CoreMessage Text { get; } = text;

    public override string Message => Text.ToString();
}
