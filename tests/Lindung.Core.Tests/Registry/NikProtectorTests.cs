using System.Security.Cryptography;
using Lindung.Core.Registry.Protection;

namespace Lindung.Core.Tests.Registry;

public class NikProtectorTests
{
    private const string Nik = "1609014708850001"; // synthetic: Muara Dua, 7 Aug 1985, female, serial 0001

    private static NikProtector NewProtector() => new(RandomNumberGenerator.GetBytes(64));

    [Fact]
    public void Hash_SameKey_IsDeterministicAndDiffersPerNik()
    {
        var p = NewProtector();

        Assert.Equal(p.Hash(Nik), p.Hash(Nik));
        Assert.NotEqual(p.Hash(Nik), p.Hash("1609014708850002"));
        Assert.Equal(32, p.Hash(Nik).Length);
    }

    [Fact]
    public void Hash_IsHmacSha256WithTheFirstHalfOfTheKey_OnEveryThread()
    {
        // The hash is stored: a faster way of computing it must give the very same bytes (HMAC-SHA256 of the ASCII NIK
        // with the first 32 key bytes), from any thread, call after call.
        var key = RandomNumberGenerator.GetBytes(64);
        var p = new NikProtector(key);
        var niks = Enumerable.Range(0, 2_000).Select(i => "16090147088" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var hashes = new byte[niks.Length][];
        Parallel.For(0, niks.Length, i => hashes[i] = p.Hash(niks[i]));

        for (var i = 0; i < niks.Length; i++)
        {
            Assert.Equal(HMACSHA256.HashData(key.AsSpan(0, 32), System.Text.Encoding.ASCII.GetBytes(niks[i])), hashes[i]);
        }
    }

    [Fact]
    public void Hash_DifferentKeys_Differ() => Assert.NotEqual(NewProtector().Hash(Nik), NewProtector().Hash(Nik));

    [Fact]
    public void Encrypt_RoundTrips_AndNeverRepeatsTheCiphertext()
    {
        var p = NewProtector();

        var a = p.Encrypt(Nik);
        var b = p.Encrypt(Nik);

        Assert.Equal(Nik, p.Decrypt(a));
        Assert.NotEqual(a, b);
        Assert.DoesNotContain("160901", System.Text.Encoding.ASCII.GetString(a), StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_ManyOnManyThreads_EachGetsItsOwnNonce_AndAllDecrypt()
    {
        // Nonces are drawn in batches per thread: across batch refills and threads none may repeat (a repeated AES-GCM
        // nonce under one key leaks the XOR of two NIKs and the authentication key), and none may be all zeros.
        var p = NewProtector();
        var niks = Enumerable.Range(0, 5_000).Select(i => "16090147088" + i.ToString("00000", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        var ciphers = new byte[niks.Length][];
        Parallel.For(0, niks.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => ciphers[i] = p.Encrypt(niks[i]));

        var nonces = ciphers.Select(c => Convert.ToHexString(c, 0, 12)).ToList();
        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(new string('0', 24), nonces);
        for (var i = 0; i < niks.Length; i++)
        {
            Assert.Equal(niks[i], p.Decrypt(ciphers[i]));
        }
    }

    [Fact]
    public void Decrypt_TamperedCiphertext_Throws()
    {
        var p = NewProtector();
        var cipher = p.Encrypt(Nik);
        cipher[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => p.Decrypt(cipher));
    }

    [Fact]
    public void Mask_ShowsRegionAndSerialOnly() => Assert.Equal("1609••••••••0001", NikProtector.Mask(Nik));

    [Fact]
    public void FromSettings_NoKeyFile_CreatesOneOwnerOnlyAndReusesIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lindung-key-" + Guid.NewGuid().ToString("N"));
        try
        {
            var first = NikProtector.FromSettings(null, dir);
            var second = NikProtector.FromSettings(null, dir);

            Assert.Equal(first.Hash(Nik), second.Hash(Nik));
            Assert.Equal(Nik, second.Decrypt(first.Encrypt(Nik)));
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(dir, NikProtector.KeyFileName)));
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void FromSettings_ConfiguredKey_WinsOverTheFile()
    {
        var key = RandomNumberGenerator.GetBytes(64);
        var configured = NikProtector.FromSettings(Convert.ToBase64String(key), "/nonexistent");

        Assert.Equal(new NikProtector(key).Hash(Nik), configured.Hash(Nik));
    }
}
