using System.Security.Cryptography;

namespace Lindung.Core.Backup;

/// <summary>
/// A write-only stream that seals what is written in <see cref="BackupFormat"/> chunks onto
/// <paramref name="output"/>. Only <see cref="Complete"/> writes the final chunk: a stream disposed after a
/// failure leaves an archive that every reader refuses as cut off.
/// </summary>
public sealed class EncryptingStream : Stream
{
    private readonly Stream output;
    private readonly byte[] header;
    private readonly byte[] noncePrefix;
    private readonly AesGcm aes;
    private readonly byte[] plain;
    private readonly byte[] sealedChunk;
    private int filled;
    private long index;
    private bool completed;

    public EncryptingStream(Stream output, string passphrase, int iterations = BackupFormat.DefaultIterations,
        int chunkSize = BackupFormat.DefaultChunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, BackupFormat.MinChunkSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkSize, BackupFormat.MaxChunkSize);
        this.output = output;
        header = BackupFormat.NewHeader(iterations, chunkSize, out var salt, out var prefix);
        noncePrefix = prefix.ToArray();
        aes = new AesGcm(BackupFormat.DeriveKey(passphrase, salt, iterations), BackupFormat.TagSize);
        plain = new byte[chunkSize];
        sealedChunk = new byte[chunkSize + BackupFormat.TagSize];
        output.Write(header);
    }

    /// <summary>Called after each sealed chunk with the plaintext bytes sealed so far (for progress).</summary>
    public Action<long>? Sealed { get; set; }

    public long PlaintextBytes { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !completed;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(completed, this);
        while (!buffer.IsEmpty)
        {
            var n = Math.Min(buffer.Length, plain.Length - filled);
            buffer[..n].CopyTo(plain.AsSpan(filled));
            filled += n;
            buffer = buffer[n..];
            if (filled == plain.Length)
            {
                Seal(final: false);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    /// <summary>Seals the rest as the final chunk (shorter than a full one, possibly empty).</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(completed, this);
        Seal(final: true);
        completed = true;
        output.Flush();
    }

    private void Seal(bool final)
    {
        Span<byte> nonce = stackalloc byte[12];
        Span<byte> ad = stackalloc byte[BackupFormat.AssociatedDataSize];
        BackupFormat.ChunkNonce(noncePrefix, index, nonce);
        BackupFormat.ChunkAssociatedData(header, index, final, ad);
        aes.Encrypt(nonce, plain.AsSpan(0, filled), sealedChunk.AsSpan(0, filled), sealedChunk.AsSpan(filled, BackupFormat.TagSize), ad);
        output.Write(sealedChunk, 0, filled + BackupFormat.TagSize);
        index++;
        PlaintextBytes += filled;
        filled = 0;
        Sealed?.Invoke(PlaintextBytes);
    }

    public override void Flush()
    {
        // Chunks are written whole; a partial chunk waits for more data or Complete().
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

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
