using System.Globalization;
using System.Text;
using Lindung.Core.MasterData;

namespace Lindung.Core.Demo;

public sealed record DemoOptions(int? Workers = null, int RandomSeed = DemoRegistryGenerator.DefaultSeed, DateOnly? Today = null);

/// <summary>A fictitious worker of the demo registry.</summary>
public sealed record DemoWorker(string Nik, string FullName, string? FrontTitle, string? BackTitle, char Sex, string BirthPlace,
    DateOnly BirthDate, string Address, string DistrictCode, string VillageCode, string Phone, string CategoryCode, string AgencyCode,
    long? Wage, long? DeclaredIncome, DateOnly StartDate, string Position);

/// <summary>
/// Generates the demo registry of OKU Selatan (docs/demo-data.md): 3.934 vulnerable workers, about 4.000
/// non-ASN staff weighted to the five high-risk OPDs, the officials of the 252 desa, and 35 DPRD members —
/// fictitious names, NIKs consistent with birth date, sex and kecamatan, unique. Deterministic for a seed
/// (its own PRNG, identical on every machine) and streamed, so a million rows need no memory.
/// </summary>
public static class DemoRegistryGenerator
{
    public const int DefaultSeed = 20250417;

    private static readonly (string Category, string Agency, int Count)[] Vulnerable =
    [
        ("MARBOT", "KESRA", 1_100), ("GURU_NGAJI", "KESRA", 1_700), ("RELAWAN_DAMKAR", "DAMKAR", 300), ("RT_RW", "TAPEM", 500),
        ("PEKERJA_RENTAN_LAIN", "DINSOS", 334),
    ];

    private static readonly (string Agency, int Count)[] NonAsn =
    [
        ("DLH", 700), ("SATPOLPP", 450), ("DISHUB", 300), ("BPBD", 250), ("DAMKAR", 200), ("SETDA", 180), ("DISDIK", 260),
        ("DINKES", 220), ("RSUD", 300), ("PUPR", 200), ("PERKIM", 60), ("BPKAD", 70), ("DUKCAPIL", 60), ("KOMINFO", 50),
        ("PERTANIAN", 90), ("DINSOS", 60), ("DPMD", 50), ("DISNAKERTRANS", 40), ("BKPSDM", 40), ("BAPPERIDA", 30),
        ("SETDPRD", 45), ("INSP", 20), ("KESBANGPOL", 20), ("PARIWISATA", 25), ("DISPORA", 25), ("KETAHANANPANGAN", 25),
        ("DP3AKB", 25), ("PERIKANAN", 25), ("DPMPTSP", 25), ("KOPUKM", 25),
    ];

    public static IEnumerable<DemoWorker> Generate(DemoOptions options, IReadOnlyList<Region> okuSelatanRegions)
    {
        var today = options.Today ?? new DateOnly(2025, 4, 30);
        var random = new SplitMix(options.RandomSeed);
        var districts = okuSelatanRegions.Where(r => r.Level == RegionLevel.District).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var villages = okuSelatanRegions.Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var desa = villages.Where(v => !v.IsKelurahan).ToList();
        var used = new HashSet<long>();
        var plan = Plan(desa).ToList();
        var total = plan.Count;
        var target = options.Workers ?? total;
        for (var i = 0; i < target; i++)
        {
            // Scaling: N rows follow the default mix in order, cycling through it for N > the mix.
            var (category, agency, fixedVillage, position) = plan[(int)((long)i * total / Math.Max(target, total) % total)];
            var village = fixedVillage ?? villages[random.Next(villages.Count)];
            yield return Person(random, used, category, agency, village, districts, position, today);
        }
    }

    private static IEnumerable<(string Category, string Agency, Region? Village, string? Position)> Plan(List<Region> desa)
    {
        foreach (var (category, agency, count) in Vulnerable)
        {
            for (var i = 0; i < count; i++)
            {
                yield return (category, agency, null, null);
            }
        }

        foreach (var (agency, count) in NonAsn)
        {
            for (var i = 0; i < count; i++)
            {
                yield return ("NONASN", agency, null, null);
            }
        }

        for (var k = 1; k <= 19; k++)
        {
            for (var i = 0; i < 15; i++)
            {
                yield return ("NONASN", "KEC" + k.ToString("00", CultureInfo.InvariantCulture), null, null);
            }
        }

        foreach (var d in desa)
        {
            yield return ("PERANGKAT_DESA", "DPMD", d, "Kepala Desa");
            yield return ("PERANGKAT_DESA", "DPMD", d, "Sekretaris Desa");
            var others = 3 + int.Parse(d.Code[^4..], CultureInfo.InvariantCulture) % 4;
            for (var i = 0; i < others; i++)
            {
                yield return ("PERANGKAT_DESA", "DPMD", d, DemoNames.VillageOtherPositions[i % DemoNames.VillageOtherPositions.Length]);
            }
        }

        for (var i = 0; i < 35; i++)
        {
            yield return ("DPRD", "SETDPRD", null, "Anggota DPRD");
        }
    }

    private static DemoWorker Person(SplitMix random, HashSet<long> used, string category, string agency, Region village,
        List<Region> districts, string? position, DateOnly today)
    {
        var female = category switch
        {
            "RELAWAN_DAMKAR" => random.Next(10) == 0,
            "MARBOT" => random.Next(20) == 0,
            "GURU_NGAJI" => random.Next(10) < 6,
            _ => random.Next(10) < 4,
        };
        var (minAge, maxAge) = category switch
        {
            "DPRD" => (27, 68),
            "PERANGKAT_DESA" when position == "Kepala Desa" => (30, 60),
            _ => (19, 62),
        };
        var birth = today.AddYears(-minAge).AddDays(-random.Next((maxAge - minAge) * 365));
        var given = female ? Pick(random, DemoNames.Female) : Pick(random, DemoNames.Male);
        var name = random.Next(8) == 0 ? given : $"{given} {(female ? Pick(random, DemoNames.FemaleSecond) : Pick(random, DemoNames.MaleSecond))}";
        if (random.Next(12) == 0)
        {
            name = $"{name} {(female ? Pick(random, DemoNames.FemaleSecond) : Pick(random, DemoNames.MaleSecond))}";
        }

        string? front = null, back = null;
        if (category is "MARBOT" or "GURU_NGAJI" && random.Next(6) == 0)
        {
            front = female ? "Hj." : "H.";
        }

        if (category is "DPRD" or "GURU_NGAJI" && random.Next(4) == 0)
        {
            back = Pick(random, ["S.Pd.", "S.Pd.I.", "S.Ag.", "S.E.", "S.H.", "S.Sos."]);
        }

        var district = village.ParentCode!;
        // Most NIKs were issued where the person lives; some elsewhere in South Sumatra (a warning at most).
        var nikDistrict = random.Next(20) == 0
            ? Pick(random, ["16.01.01", "16.08.01", "16.71.01", "16.02.01"])
            : random.Next(10) == 0 ? districts[random.Next(districts.Count)].Code : district;
        var nik = UniqueNik(random, used, nikDistrict, birth, female);
        var (wage, income, job) = category switch
        {
            "NONASN" => ((long?)(1_000_000 + random.Next(26) * 100_000), (long?)null, position ?? Pick(random, DemoNames.NonAsnPositions)),
            "PERANGKAT_DESA" => (position == "Kepala Desa" ? 3_000_000 + random.Next(11) * 100_000L : 2_000_000 + random.Next(11) * 100_000L,
                null, position!),
            "DPRD" => (12_000_000 + random.Next(9) * 500_000L, null, position!),
            "MARBOT" => (null, 1_000_000L, $"Marbot Masjid {Pick(random, DemoNames.Mosques)}"),
            "GURU_NGAJI" => (null, 1_000_000L, "Guru Ngaji TPA"),
            "RELAWAN_DAMKAR" => (null, 1_000_000L, "Relawan Pemadam Kebakaran"),
            "RT_RW" => (null, 1_000_000L, random.Next(3) == 0 ? "Ketua RW" : "Ketua RT"),
            _ => (null, 1_000_000L, Pick(random, ["Petani", "Nelayan", "Pedagang Kecil", "Tukang Ojek"])),
        };
        var start = new DateOnly(2019 + random.Next(6), 1 + random.Next(12), 1);
        var phone = "+628" + (11 + random.Next(12)).ToString(CultureInfo.InvariantCulture)
            + random.Next(100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
        var address = $"Dusun {Roman(1 + random.Next(5))}, RT {1 + random.Next(12):00}, {village.Name}";
        return new DemoWorker(nik, name, front, back, female ? 'P' : 'L', Pick(random, DemoNames.BirthPlaces), birth, address, district,
            village.Code, phone, category, agency, wage, income, start > today ? today : start, job);
    }

    private static string UniqueNik(SplitMix random, HashSet<long> used, string district, DateOnly birth, bool female)
    {
        var prefix = district.Replace(".", "", StringComparison.Ordinal)
            + (birth.Day + (female ? 40 : 0)).ToString("00", CultureInfo.InvariantCulture)
            + birth.Month.ToString("00", CultureInfo.InvariantCulture) + (birth.Year % 100).ToString("00", CultureInfo.InvariantCulture);
        var start = 1 + random.Next(40);
        for (var serial = start; serial <= 9999; serial++)
        {
            var nik = prefix + serial.ToString("0000", CultureInfo.InvariantCulture);
            if (used.Add(long.Parse(nik, CultureInfo.InvariantCulture)))
            {
                return nik;
            }
        }

        throw new InvalidOperationException("NIK serials exhausted for " + prefix);
    }

    private static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", _ => "V" };

    private static string Pick(SplitMix random, string[] values) => values[random.Next(values.Length)];

    /// <summary>Writes workers as the CSV an OPD would upload (Indonesian headers, dd/mm/yyyy, L/P).</summary>
    public static void WriteCsv(TextWriter output, IEnumerable<DemoWorker> workers, IReadOnlyDictionary<string, string> regionNames)
    {
        output.Write("NIK,Nama,Tempat Lahir,Tanggal Lahir,JK,Alamat,Desa,Kecamatan,No HP,Upah,Penghasilan,Kategori,Jabatan\n");
        var sb = new StringBuilder(256);
        foreach (var w in workers)
        {
            sb.Clear();
            sb.Append(w.Nik).Append(',');
            Csv(sb, (w.FrontTitle is null ? "" : w.FrontTitle + " ") + w.FullName + (w.BackTitle is null ? "" : ", " + w.BackTitle)).Append(',');
            Csv(sb, w.BirthPlace).Append(',');
            sb.Append(w.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)).Append(',').Append(w.Sex).Append(',');
            Csv(sb, w.Address).Append(',');
            Csv(sb, regionNames.GetValueOrDefault(w.VillageCode, "")).Append(',');
            Csv(sb, regionNames.GetValueOrDefault(w.DistrictCode, "")).Append(',');
            sb.Append(w.Phone).Append(',');
            sb.Append(w.Wage?.ToString(CultureInfo.InvariantCulture)).Append(',');
            sb.Append(w.DeclaredIncome?.ToString(CultureInfo.InvariantCulture)).Append(',');
            sb.Append(w.CategoryCode).Append(',');
            Csv(sb, w.Position).Append('\n');
            output.Write(sb);
        }
    }

    private static StringBuilder Csv(StringBuilder sb, string value) =>
        value.AsSpan().IndexOfAny(",\"\n") >= 0 ? sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"') : sb.Append(value);

    /// <summary>SplitMix64: tiny, fast, and the same sequence on every runtime (unlike System.Random's seeding).</summary>
    private sealed class SplitMix(long seed)
    {
        private ulong state = (ulong)seed;

        public int Next(int maxExclusive)
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (int)(z % (ulong)maxExclusive);
        }
    }
}
