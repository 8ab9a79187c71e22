using System.Security.Cryptography;
using Lindung.Core.Backup;

namespace Lindung.Core.Tests.Backup;

/// <summary>The encrypted envelope: every kind of change to an archive is refused before any plaintext is trusted.</summary>
public class BackupFormatTests
{
    private const string Passphrase = "kopi pagi di muaradua";
    private const int Chunk = 4096;

    private static byte[] Seal(byte[] plain, bool complete = true)
    {
        var output = new MemoryStream();
        using (var sealer = new EncryptingStream(output, Passphrase, iterations: 10, chunkSize: Chunk))
        {
            // Odd write sizes: chunking must not depend on how the caller writes.
            for (var at = 0; at < plain.Length; at += 1000)
            {
                sealer.Write(plain, at, Math.Min(1000, plain.Length - at));
            }

            if (complete)
            {
                sealer.Complete();
            }
        }

        return output.ToArray();
    }

    private static byte[] Open(byte[] archive, string passphrase = Passphrase)
    {
        using var plain = new DecryptingStream(new MemoryStream(archive), passphrase);
        var result = new MemoryStream();
        plain.CopyTo(result);
        plain.ReadToEndAndVerify();
        return result.ToArray();
    }

    private static byte[] Data(int length) => RandomNumberGenerator.GetBytes(length);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(Chunk - 1)]
    [InlineData(Chunk)]
    [InlineData(3 * Chunk)]
    [InlineData(3 * Chunk + 17)]
    public void RoundTrip_AnyLength_ReturnsTheSameBytes(int length)
    {
        var plain = Data(length);

        var archive = Seal(plain);

        Assert.Equal(plain, Open(archive));
        var chunks = length / Chunk + 1; // always a final, shorter chunk
        Assert.Equal(BackupFormat.HeaderSize + length + chunks * BackupFormat.TagSize, archive.Length);
    }

    [Fact]
    public void Open_WrongPassphrase_IsRefused()
    {
        var archive = Seal(Data(10_000));

        var e = Assert.Throws<BackupException>(() => Open(archive, "kopi sore di muaradua"));

        Assert.Equal(BackupFailure.WrongPassphraseOrTampered, e.Failure);
    }

    [Fact]
    public void Open_AnyFlippedByte_IsRefused()
    {
        var archive = Seal(Data(2 * Chunk + 100));

        // Every byte of the header (magic, version, KDF parameters, salt, nonce prefix, chunk size) and of each chunk.
        for (var i = 0; i < archive.Length; i += i < BackupFormat.HeaderSize ? 1 : 97)
        {
            var changed = (byte[])archive.Clone();
            // The top byte of the iteration count gets its sign bit: +2^24 iterations would be refused only slowly.
            changed[i] ^= i == 12 ? (byte)0x80 : (byte)0x01;
            Assert.Throws<BackupException>(() => Open(changed));
        }
    }

    [Fact]
    public void Open_Truncated_IsRefusedAtEveryLength()
    {
        var archive = Seal(Data(2 * Chunk + 100));
        var firstChunkEnd = BackupFormat.HeaderSize + Chunk + BackupFormat.TagSize;

        foreach (var length in new[] { 0, 5, BackupFormat.HeaderSize, firstChunkEnd, firstChunkEnd + 1, 2 * firstChunkEnd - BackupFormat.HeaderSize, archive.Length - 1 })
        {
            var cut = archive[..length];
            Assert.Throws<BackupException>(() => Open(cut));
        }
    }

    [Fact]
    public void Open_ReorderedOrAppendedChunks_AreRefused()
    {
        var archive = Seal(Data(2 * Chunk + 100));
        var full = Chunk + BackupFormat.TagSize;
        var swapped = (byte[])archive.Clone();
        archive.AsSpan(BackupFormat.HeaderSize, full).CopyTo(swapped.AsSpan(BackupFormat.HeaderSize + full));
        archive.AsSpan(BackupFormat.HeaderSize + full, full).CopyTo(swapped.AsSpan(BackupFormat.HeaderSize));

        Assert.Throws<BackupException>(() => Open(swapped));
        Assert.Throws<BackupException>(() => Open([.. archive, 0]));
    }

    [Fact]
    public void Open_WriterThatNeverCompleted_IsRefusedAsTruncated()
    {
        var archive = Seal(Data(3 * Chunk), complete: false);

        var e = Assert.Throws<BackupException>(() => Open(archive));

        Assert.Equal(BackupFailure.Truncated, e.Failure);
    }

    [Fact]
    public void Open_NotAnArchive_SaysSo()
    {
        var e = Assert.Throws<BackupException>(() => Open("SQLite format 3\0 and more bytes"u8.ToArray()));

        Assert.Equal(BackupFailure.NotAnArchive, e.Failure);
    }

    [Fact]
    public void DefaultIterations_StayAtLeastOwaspFigure() =>
        Assert.True(BackupFormat.DefaultIterations >= 600_000);
}
