using System.Security.Cryptography;

namespace Lindung.Core.Backup;

/// <summary>
/// A read-only stream of the plaintext of a <see cref="BackupFormat"/> archive. Nothing is returned before its
/// chunk authenticated; a failure throws <see cref="BackupException"/>. Reaching the end of the stream
/// (<see cref="ReadToEndAndVerify"/>) proves the final chunk was present and nothing followed it.
/// </summary>
public sealed class DecryptingStream : Stream
{
    private readonly Stream input;
    private readonly byte[] header = new byte[BackupFormat.HeaderSize];
    private readonly byte[] noncePrefix;
    private readonly AesGcm aes;
    private readonly byte[] plain;
    private readonly byte[] sealedChunk;
    private int available;
    private int position;
    private long index;
    private bool finished;

    public DecryptingStream(Stream input, string passphrase)
    {
        this.input = input;
        var read = input.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (read < 8 || !header.AsSpan(0, 8).SequenceEqual(BackupFormat.Magic))
        {
            throw new BackupException(BackupFailure.NotAnArchive, BackupMessages.NotAnArchive);
        }

        if (read < header.Length)
        {
            throw new BackupException(BackupFailure.Truncated, BackupMessages.Truncated);
        }

        var (iterations, chunkSize) = BackupFormat.ParseHeader(header);
        noncePrefix = header.AsSpan(16 + BackupFormat.SaltSize, BackupFormat.NoncePrefixSize).ToArray();
        aes = new AesGcm(BackupFormat.DeriveKey(passphrase, header.AsSpan(16, BackupFormat.SaltSize), iterations), BackupFormat.TagSize);
        plain = new byte[chunkSize];
        sealedChunk = new byte[chunkSize + BackupFormat.TagSize];
    }

    /// <summary>Bytes of the archive read so far (for progress).</summary>
    public long ArchiveBytesRead { get; private set; }

    /// <summary>Called after each authenticated chunk with <see cref="ArchiveBytesRead"/> (for progress).</summary>
    public Action<long>? Opened { get; set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        while (position == available)
        {
            if (finished)
            {
                return 0;
            }

            NextChunk();
        }

        var n = Math.Min(buffer.Length, available - position);
        plain.AsSpan(position, n).CopyTo(buffer);
        position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(buffer.AsSpan(offset, count)));
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Read(buffer.Span));
    }

    /// <summary>Reads (and authenticates) whatever is left; throws unless the archive ended properly.</summary>
    public void ReadToEndAndVerify()
    {
        while (!finished)
        {
            NextChunk();
        }

        position = available;
    }

    private void NextChunk()
    {
        var n = input.ReadAtLeast(sealedChunk, sealedChunk.Length, throwOnEndOfStream: false);
        ArchiveBytesRead += n;
        if (n < BackupFormat.TagSize)
        {
            throw new BackupException(BackupFailure.Truncated, BackupMessages.Truncated);
        }

        // A full-size chunk is never the last: the writer always ends with a shorter (possibly empty) one.
        var final = n < sealedChunk.Length;
        var length = n - BackupFormat.TagSize;
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> ad = stackalloc byte[BackupFormat.AssociatedDataSize];
        BackupFormat.ChunkNonce(noncePrefix, index, nonce);
        BackupFormat.ChunkAssociatedData(header, index, final, ad);
        try
        {
            aes.Decrypt(nonce, sealedChunk.AsSpan(0, length), sealedChunk.AsSpan(length, BackupFormat.TagSize), plain.AsSpan(0, length), ad);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw index == 0
                ? new BackupException(BackupFailure.WrongPassphraseOrTampered, BackupMessages.WrongPassphraseOrTampered)
                : new BackupException(BackupFailure.Tampered,
                    final
                        ? BackupMessages.LastChunkFailed
                        : BackupMessages.ChunkFailed(index + 1));
        }

        index++;
        Opened?.Invoke(ArchiveBytesRead);
        available = length;
        position = 0;
        finished = final;
        if (final && input.ReadByte() != -1)
        {
            throw new BackupException(BackupFailure.Tampered, BackupMessages.DataAfterLastChunk);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            aes.Dispose();
            CryptographicOperations.ZeroMemory(plain);
        }

        base.Dispose(disposing);
    }
}
