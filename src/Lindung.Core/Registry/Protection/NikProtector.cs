using System.Security.Cryptography;
using System.Text;

namespace Lindung.Core.Registry.Protection;

/// <summary>
/// NIK at rest: a keyed hash (HMAC-SHA256) for uniqueness and exact lookup, plus AES-GCM authenticated
/// encryption for display and export. The key never lives in the database: embedded installations keep it
/// in <c>data/nik.key</c> (created on first start; back it up with the database), production passes it as
/// <c>Lindung:NikKey</c> (base64 of 64 bytes).
/// </summary>
public sealed class NikProtector
{
    public const string KeyFileName = "nik.key";
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] hashKey;
    private readonly byte[] encryptionKey;

    // An AesGcm holds a native cipher context: one per thread, not one per NIK (imports encrypt a million).
    private readonly ThreadLocal<AesGcm> aes;

    // Likewise one keyed HMAC per thread: the one-shot HMACSHA256.HashData sets the key up again for every NIK, which
    // made hashing a million NIKs (a BPJS list, an import) cost about three times as much.
    private readonly ThreadLocal<HMACSHA256> hmac;

    // Random nonces drawn from the system's generator 256 at a time: one call per NIK was a third of the encryption's
    // cost (1.3 of 3.7 µs; docs/performance.md). Still one fresh random 96-bit nonce per encryption — nonces are stored
    // in the clear beside each cipher text, so holding the next few in memory reveals nothing.
    private readonly ThreadLocal<NoncePool> nonces = new(() => new NoncePool());

    public NikProtector(ReadOnlySpan<byte> key)
    {
        if (key.Length != 64)
        {
            throw new ArgumentException("The NIK key must be 64 bytes (32 for the hash, 32 for encryption).");
        }

        hashKey = key[..32].ToArray();
        encryptionKey = key[32..].ToArray();
        aes = new ThreadLocal<AesGcm>(() => new AesGcm(encryptionKey, TagSize));
        hmac = new ThreadLocal<HMACSHA256>(() => new HMACSHA256(hashKey));
    }

    /// <summary>Reads the key from configuration (base64) or from the key file, creating the file if absent.</summary>
    public static NikProtector FromSettings(string? base64Key, string dataDirectory)
    {
        if (base64Key is { Length: > 0 })
        {
            return new NikProtector(Convert.FromBase64String(base64Key));
        }

        var file = Path.Combine(dataDirectory, KeyFileName);
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(dataDirectory);
            var key = RandomNumberGenerator.GetBytes(64);
            using (var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(key);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return new NikProtector(File.ReadAllBytes(file));
    }

    /// <summary>The lookup hash of a validated, 16-digit NIK.</summary>
    public byte[] Hash(string nik)
    {
        if (nik.Length > 32)
        {
            // Never a validated NIK (16 digits); kept exact for any caller.
            return HMACSHA256.HashData(hashKey, Encoding.ASCII.GetBytes(nik));
        }

        Span<byte> ascii = stackalloc byte[32];
        var length = Encoding.ASCII.GetBytes(nik, ascii);
        var hash = new byte[32];
        hmac.Value!.TryComputeHash(ascii[..length], hash, out _);
        return hash;
    }

    public byte[] Encrypt(string nik)
    {
        var plain = Encoding.ASCII.GetBytes(nik);
        var output = new byte[NonceSize + TagSize + plain.Length];
        var nonce = output.AsSpan(0, NonceSize);
        nonces.Value!.Take(nonce);
        aes.Value!.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize));
        return output;
    }

    public string Decrypt(byte[] cipher)
    {
        var plain = new byte[cipher.Length - NonceSize - TagSize];
        aes.Value!.Decrypt(cipher.AsSpan(0, NonceSize), cipher.AsSpan(NonceSize + TagSize), cipher.AsSpan(NonceSize, TagSize), plain);
        return Encoding.ASCII.GetString(plain);
    }

    /// <summary><c>1609••••••••0001</c>: region of issue and serial visible, the birth date hidden.</summary>
    public static string Mask(string nik) => nik.Length == 16 ? nik[..4] + new string('•', 8) + nik[12..] : new string('•', 16);

    private sealed class NoncePool
    {
        private readonly byte[] buffer = new byte[NonceSize * 256];
        private int next = NonceSize * 256;

        public void Take(Span<byte> nonce)
        {
            if (next == buffer.Length)
            {
                RandomNumberGenerator.Fill(buffer);
                next = 0;
            }

            var taken = buffer.AsSpan(next, NonceSize);
            taken.CopyTo(nonce);
            taken.Clear();
            next += NonceSize;
        }
    }
}
