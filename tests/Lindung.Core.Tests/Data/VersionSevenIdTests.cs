using Lindung.Core.Data;
using Lindung.Core.Registry;

namespace Lindung.Core.Tests.Data;

public class VersionSevenIdTests
{
    [Fact]
    public void Id_CarriesTheTime_TheVersionAndTheVariant_LikeTheRuntimesOwn()
    {
        var at = new DateTimeOffset(2026, 12, 6, 4, 30, 15, 123, TimeSpan.Zero);

        var id = VersionSevenId.New(at);
        var runtime = Guid.CreateVersion7(at);

        Assert.Equal(7, id.Version);
        // Guid.Variant is the whole top nibble of byte 8; RFC 9562's variant is its two high bits, 10 (as the runtime's).
        Assert.Equal(0b10, runtime.Variant >> 2);
        Assert.Equal(0b10, id.Variant >> 2);
        var bytes = id.ToByteArray(bigEndian: true);
        Assert.Equal(runtime.ToByteArray(bigEndian: true)[..6], bytes[..6]);
        Assert.Equal(at.ToUnixTimeMilliseconds(), bytes[..6].Aggregate(0L, (ms, b) => (ms << 8) | b));
    }

    [Fact]
    public void Ids_AreUnique_AcrossManyRefillsOfThePool_AndOnSeveralThreads()
    {
        var at = DateTimeOffset.UtcNow;
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();

        Parallel.For(0, 4, _ =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                ids.Add(VersionSevenId.New(at));
            }
        });

        Assert.Equal(20_000, ids.Distinct().Count());
        // 74 random bits per id: the part after the timestamp differs even within one millisecond.
        Assert.Equal(20_000, ids.Select(g => Convert.ToHexString(g.ToByteArray(bigEndian: true)[6..])).Distinct().Count());
    }

    [Fact]
    public void Ids_SortByTheirBytesInTheOrderOfTheirMilliseconds()
    {
        var start = new DateTimeOffset(2026, 12, 6, 4, 0, 0, TimeSpan.Zero);
        var ids = Enumerable.Range(0, 300).Select(i => VersionSevenId.New(start.AddMilliseconds(i * 3))).ToList();

        Assert.Equal(ids, ids.OrderBy(g => Convert.ToHexString(GuidBlob.ToBytes(g)), StringComparer.Ordinal));
    }

    [Fact]
    public void NewPeopleAndEngagements_GetVersionSevenIdsOfNow()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var person = new Person { NikHash = [1], NikCipher = [2], NikMasked = "1609**********01", FullName = "Contoh" };
        var engagement = new Engagement();
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

        foreach (var id in new[] { person.Id, engagement.Id })
        {
            Assert.Equal(7, id.Version);
            var ms = id.ToByteArray(bigEndian: true)[..6].Aggregate(0L, (m, b) => (m << 8) | b);
            Assert.InRange(ms, before, after);
        }
    }
}
