// Lindung benchmark (docs/performance.md). Each step runs in its own process so peak memory is the step's own.
//   gen FILE N            write an N-row demo CSV (the OPD upload format)
//   genxlsx FILE N        the same rows as an .xlsx (streaming XlsxWriter)
//   read FILE             the streaming reader alone (CSV or XLSX): rows per second, peak RSS
//   import FILE DATADIR   migrate + seed OKU Selatan + import FILE into DATADIR/lindung.db, print seconds and peak RSS
//   verify DATADIR        mark every engagement verified (bench setup: coverage counts verified engagements only)
//   bpjs-gen DATADIR FILE N   write an N-row BPJS status list from the registry in DATADIR (exact, typo, absent rows)
//   bpjs-import DATADIR FILE PERIOD   take the list in (BpjsStatusImporter), print the stage times and peak RSS
//   bound-micro               ns per NameSimilarity.UpperBound / Score / Normalize+profile on a few names (warm, 3 rounds)
//   fuzzy DATADIR FILE        only the fuzzy stage of FILE's import (residue cached in DATADIR), timed, with a digest of the decisions
//   snapshot-once DATADIR PERIOD TODAY   one month's snapshot taken again (the stored one deleted first), timed, with a digest
//   bpjs-prof DATADIR FILE    CPU time of each piece of the exact stage alone (hash index, file read, hashing, rows)
//   snapshot DATADIR TODAY    take the coverage snapshots of the 12 months before TODAY (yyyy-MM-dd), print each time
using System.Diagnostics;
using System.Globalization;
using Lindung.Core.Data;
using Lindung.Core.Demo;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.MasterData;
using Lindung.Core.Registry;
using Lindung.Core.Registry.Protection;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

var inv = CultureInfo.InvariantCulture;
using var allocations = Environment.GetEnvironmentVariable("BENCH_ALLOC") == "1" ? new AllocationSampler() : null;
switch (args)
{
    case ["gen", var file, var n]:
        {
            var sw = Stopwatch.StartNew();
            var regions = RegionLoader.ReadEmbedded();
            var names = regions.ToDictionary(r => r.Code, r => r.Name);
            var oku = regions.Where(r => r.Code.StartsWith("16.09.", StringComparison.Ordinal)).ToList();
            await using (var writer = new StreamWriter(file, false, new System.Text.UTF8Encoding(false), 1 << 20))
            {
                DemoRegistryGenerator.WriteCsv(writer, DemoRegistryGenerator.Generate(new DemoOptions(int.Parse(n, inv)), oku), names);
            }

            var size = new FileInfo(file).Length;
            Console.WriteLine(string.Create(inv, $"gen rows={n} bytes={size} bytesPerRow={size / double.Parse(n, inv):F1} seconds={sw.Elapsed.TotalSeconds:F2}"));
            return 0;
        }

    case ["genxlsx", var file, var n]:
        {
            // The same rows as `gen`, as an .xlsx from the project's streaming XlsxWriter (NIK and phone as text cells).
            var sw = Stopwatch.StartNew();
            var regions = RegionLoader.ReadEmbedded();
            var names = regions.ToDictionary(r => r.Code, r => r.Name);
            var oku = regions.Where(r => r.Code.StartsWith("16.09.", StringComparison.Ordinal)).ToList();
            await using (var output = new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            using (var xlsx = new XlsxWriter(output))
            {
                xlsx.BeginSheet("Pekerja", [
                    new XlsxColumn("NIK", Text: true), new XlsxColumn("Nama"), new XlsxColumn("Tempat Lahir"), new XlsxColumn("Tanggal Lahir"),
                    new XlsxColumn("JK"), new XlsxColumn("Alamat"), new XlsxColumn("Desa"), new XlsxColumn("Kecamatan"),
                    new XlsxColumn("No HP", Text: true), new XlsxColumn("Upah"), new XlsxColumn("Penghasilan"), new XlsxColumn("Kategori"),
                    new XlsxColumn("Jabatan"),
                ]);
                foreach (var w in DemoRegistryGenerator.Generate(new DemoOptions(int.Parse(n, inv)), oku))
                {
                    xlsx.WriteRow(w.Nik, (w.FrontTitle is null ? "" : w.FrontTitle + " ") + w.FullName + (w.BackTitle is null ? "" : ", " + w.BackTitle),
                        w.BirthPlace, w.BirthDate, w.Sex.ToString(), w.Address, names.GetValueOrDefault(w.VillageCode, ""),
                        names.GetValueOrDefault(w.DistrictCode, ""), w.Phone, w.Wage, w.DeclaredIncome, w.CategoryCode, w.Position);
                }
            }

            var size = new FileInfo(file).Length;
            Console.WriteLine(string.Create(inv, $"genxlsx rows={n} bytes={size} seconds={sw.Elapsed.TotalSeconds:F2}"));
            return 0;
        }

    case ["read", var file]:
        {
            // The streaming reader alone (CSV or XLSX by extension): rows per second and peak memory, no validation.
            var sw = Stopwatch.StartNew();
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var reader = SpreadsheetFiles.Open(stream, Path.GetFileName(file), null, BenchLimits());
            var rows = 0L;
            var cells = 0L;
            while (reader.Read())
            {
                rows++;
                cells += reader.Cells.Count;
            }

            var seconds = sw.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(inv,
                $"read rows={rows} cells={cells} seconds={seconds:F2} rowsPerSecond={rows / seconds:F0} peakMB={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} allocatedMB={GC.GetTotalAllocatedBytes() / 1024 / 1024}"));
            allocations?.Print();
            return 0;
        }

    case ["import", var file, var dataDir, ..]:
        {
            var provider = args.Length > 3 ? DatabaseSettings.ParseProvider(args[3]) : DatabaseProvider.Sqlite;
            var settings = new DatabaseSettings
            {
                Provider = provider,
                DataDirectory = dataDir,
                ConnectionString = args.Length > 4 ? args[4] : null,
            };
            var options = new DbContextOptionsBuilder<LindungDbContext>();
            settings.Apply(options);
            await using (var setup = new LindungDbContext(options.Options, new FixedActor("16.09", "bench"), TimeProvider.System))
            {
                await DatabaseBootstrap.MigrateAsync(setup, settings);
                await MasterDataSeeder.SeedAsync(setup, "16.09");
            }

            await using var db = new LindungDbContext(options.Options, new FixedActor("16.09", "bench"), TimeProvider.System);
            var agency = await db.Agencies.SingleAsync(a => a.Code == "DLH");
            var protector = NikProtector.FromSettings(null, dataDir);
            var sw = Stopwatch.StartNew();
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            // BENCH_FLUSH=N: write batches of N rows instead of the importer's default (experiments only).
            var importer = int.TryParse(Environment.GetEnvironmentVariable("BENCH_FLUSH"), out var flush)
                ? new WorkerImporter(db, protector, BenchLimits()) { FlushEvery = flush }
                : new WorkerImporter(db, protector, BenchLimits());
            var report = await importer
                .RunAsync(stream, new WorkerImportRequest(agency.Id, null, "2025-04", Environment.GetEnvironmentVariable("BENCH_DRY") == "1", Path.GetFileName(file)));
            var seconds = sw.Elapsed.TotalSeconds;
            var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024;
            Console.WriteLine(string.Create(inv,
                $"import provider={provider} rows={report.Rows} accepted={report.Accepted} unchanged={report.Unchanged} rejected={report.Rejected} seconds={seconds:F2} rowsPerSecond={report.Rows / seconds:F0} peakMB={peak} writeSeconds={importer.WriteTime.TotalSeconds:F2} peopleWriteSeconds={importer.PeopleWriteTime.TotalSeconds:F2} indexBuildSeconds={importer.IndexBuildTime.TotalSeconds:F2} peopleWriteCpu={importer.PeopleWriteCpu.TotalSeconds:F2} engagementWriteCpu={importer.EngagementWriteCpu.TotalSeconds:F2} gcHeapMB={GC.GetGCMemoryInfo().HeapSizeBytes / 1024 / 1024} gcCommittedMB={GC.GetGCMemoryInfo().TotalCommittedBytes / 1024 / 1024} gen2={GC.CollectionCount(2)} gen1={GC.CollectionCount(1)} gen0={GC.CollectionCount(0)} gcPauseSeconds={GC.GetTotalPauseDuration().TotalSeconds:F2} allocatedMB={GC.GetTotalAllocatedBytes() / 1024 / 1024}"));
            allocations?.Print();
            return 0;
        }

    case ["prof", var file]:
        {
            // Where validation time goes, per stage, over the whole file (no database).
            var today = new DateOnly(2025, 4, 30);
            var protector = new NikProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
            var times = new Dictionary<string, TimeSpan>();
            void Time(string name, Action a)
            {
                var t = Stopwatch.GetTimestamp();
                a();
                times[name] = times.GetValueOrDefault(name) + Stopwatch.GetElapsedTime(t);
            }

            await using var stream = File.OpenRead(file);
            using var reader = new CsvSheetReader(stream, BenchLimits());
            reader.Read();
            var rows = 0;
            var total = Stopwatch.StartNew();
            while (true)
            {
                var ok = false;
                Time("read", () => ok = reader.Read());
                if (!ok)
                {
                    break;
                }

                rows++;
                var c = reader.Cells;
                Time("nik", () => Lindung.Core.Registry.Validation.Nik.Check(c[0].Text, today, false, null, null, _ => true));
                Time("name", () => Lindung.Core.Registry.Validation.PersonName.Parse(c[1].Text));
                Time("date", () => _ = Lindung.Core.Registry.Validation.DateParsing.TryParse(c[3].Text, out _));
                Time("phone", () => Lindung.Core.Registry.Validation.FieldParsing.NormalisePhone(c[8].Text));
                Time("hash", () => protector.Hash(c[0].Text));
                Time("encrypt", () => protector.Encrypt(c[0].Text));
                Time("namekey", () => Lindung.Core.Registry.NameKeys.For(c[1].Text));
            }

            Console.WriteLine(string.Create(inv, $"prof rows={rows} total={total.Elapsed.TotalSeconds:F2}s"));
            foreach (var (name, t) in times.OrderByDescending(x => x.Value))
            {
                Console.WriteLine(string.Create(inv, $"  {name,-8} {t.TotalSeconds:F2}s  {t.TotalMicroseconds / rows:F2} us/row"));
            }

            return 0;
        }

    case ["verify", var dataDir]:
        {
            await using var db = BpjsBench.Open(dataDir);
            var sw = Stopwatch.StartNew();
            var n = await db.Engagements.ExecuteUpdateAsync(s => s.SetProperty(e => e.Verification, VerificationStatus.Verified));
            Console.WriteLine(string.Create(inv, $"verify engagements={n} seconds={sw.Elapsed.TotalSeconds:F2}"));
            return 0;
        }

    case ["bpjs-gen", var dataDir, var file, var n]:
        return await BpjsBench.GenerateAsync(dataDir, file, int.Parse(n, inv));

    case ["bpjs-import", var dataDir, var file, var period]:
        return await BpjsBench.ImportAsync(dataDir, file, period);

    case ["bound-micro"]:
        {
            string[] names = ["SITI NURHAYATI", "RUSLI FEBRIANSYAH", "JONI", "BAMBANG PURNOMO", "MUHAMMAD FAUZI", "DEWI LESTARI SARI", "AGUS SETIAWAN", "RINA"];
            var profiles = names.Select(Lindung.Core.Bpjs.NameProfile.Of).ToArray();
            var sw = Stopwatch.StartNew();
            double acc = 0;
            for (var round = 0; round < 3; round++)
            {
                sw.Restart();
                for (var n = 0; n < 2_000_000; n++)
                {
                    acc += Lindung.Core.Bpjs.NameSimilarity.UpperBound(profiles[n & 7], profiles[(n >> 3) & 7]);
                }

                Console.WriteLine(string.Create(inv, $"bound ns={sw.Elapsed.TotalNanoseconds / 2_000_000:F0} acc={acc:F1}"));
                sw.Restart();
                for (var n = 0; n < 200_000; n++)
                {
                    acc += Lindung.Core.Bpjs.NameSimilarity.Score(profiles[n & 7], profiles[(n >> 3) & 7]);
                }

                Console.WriteLine(string.Create(inv, $"score ns={sw.Elapsed.TotalNanoseconds / 200_000:F0}"));
                sw.Restart();
                for (var n = 0; n < 200_000; n++)
                {
                    acc += Lindung.Core.Bpjs.NameProfile.Of(Lindung.Core.Bpjs.NameSimilarity.Normalize("Rusli Febriansyah")).WordCount;
                }

                Console.WriteLine(string.Create(inv, $"normalize+profile ns={sw.Elapsed.TotalNanoseconds / 200_000:F0} {acc}"));
            }

            return 0;
        }

    case ["fuzzy", var dataDir, var file]:
        return await BpjsBench.FuzzyAsync(dataDir, file);

    case ["snapshot-once", var dataDir, var period, var today]:
        return await BpjsBench.SnapshotOnceAsync(dataDir, period, DateOnly.ParseExact(today, "yyyy-MM-dd", inv));

    case ["bpjs-prof", var dataDir, var file]:
        return await BpjsBench.ProfileExactAsync(dataDir, file);

    case ["snapshot", var dataDir, var today]:
        return await BpjsBench.SnapshotsAsync(dataDir, DateOnly.ParseExact(today, "yyyy-MM-dd", inv));

    default:
        Console.Error.WriteLine("usage: Lindung.Bench gen FILE N | genxlsx FILE N | read FILE | import FILE DATADIR [sqlite|postgres CONNSTRING]");
        return 2;
}

// The upload limits (100 MB file, 1 GB inflated XLSX) are for users; the benchmark files are bigger on purpose.
static SpreadsheetLimits BenchLimits() => SpreadsheetLimits.Default with { MaxFileBytes = long.MaxValue, MaxInflatedBytes = long.MaxValue };
