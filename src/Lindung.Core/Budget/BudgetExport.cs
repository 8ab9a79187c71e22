using System.Globalization;
using Lindung.Core.Contributions;
using Lindung.Core.Import.Spreadsheets;

namespace Lindung.Core.Budget;

/// <summary>
/// A scenario as XLSX for BPKAD and Bapperida: "Ringkasan" (a row per year), "Rincian" (a row per year and
/// budget line, with the SIPD account code) and "Asumsi" (what the figures rest on). Whole rupiah as numbers.
/// </summary>
public static class BudgetExport
{
    public static void Write(Stream output, BudgetScenario scenario, BudgetPlan plan, DateOnly asOf,
        IReadOnlyDictionary<string, string> agencyNames, IReadOnlyDictionary<string, string> categoryNames)
    {
        using var xlsx = new XlsxWriter(output);
        xlsx.BeginSheet("Ringkasan",
        [
            new XlsxColumn("Tahun", 8), new XlsxColumn("Target (orang)", 14), new XlsxColumn("Tertanggung (orang)", 18),
            new XlsxColumn("Kebutuhan (Rp)", 20), new XlsxColumn("Pagu (Rp)", 20), new XlsxColumn("Belum tertanggung (orang)", 22),
            new XlsxColumn("Versi tabel tarif", 30),
        ]);
        foreach (var y in plan.Years)
        {
            xlsx.WriteRow(y.Year, y.Target, y.People, y.Rupiah, y.Cap, y.Uncovered, string.Join(", ", y.RateVersions));
        }

        xlsx.BeginSheet("Rincian",
        [
            new XlsxColumn("Tahun", 8), new XlsxColumn("Kode OPD", 12, Text: true), new XlsxColumn("OPD", 36), new XlsxColumn("Prioritas", 10),
            new XlsxColumn("Kategori", 28), new XlsxColumn("Skema", 8), new XlsxColumn("Sumber dana", 12), new XlsxColumn("Kode rekening SIPD", 22, Text: true),
            new XlsxColumn("Program", 16), new XlsxColumn("Kelompok risiko JKK", 10), new XlsxColumn("Dasar iuran rata-rata (Rp)", 16),
            new XlsxColumn("Populasi", 10), new XlsxColumn("Target", 10), new XlsxColumn("Tertanggung", 12),
            new XlsxColumn("Iuran setahun per orang (Rp)", 16), new XlsxColumn("Kebutuhan (Rp)", 18), new XlsxColumn("Belum tertanggung", 12),
        ]);
        foreach (var y in plan.Years)
        {
            foreach (var l in y.Lines)
            {
                var g = l.Group;
                xlsx.WriteRow(y.Year, g.AgencyCode, agencyNames.GetValueOrDefault(g.AgencyCode, g.AgencyCode), g.PriorityAgency ? "Ya" : "Tidak",
                    categoryNames.GetValueOrDefault(g.CategoryCode, g.CategoryCode), g.Scheme, g.FundingSource, g.AccountCode,
                    string.Join('+', g.Programs.Order()), g.RiskGroup, g.MonthlyBase, l.Population, l.Target, l.People,
                    l.CostPerPerson, l.Rupiah, l.Uncovered);
            }
        }

        xlsx.BeginSheet("Asumsi", [new XlsxColumn("Asumsi", 40), new XlsxColumn("Nilai", 60)]);
        var inv = CultureInfo.InvariantCulture;
        xlsx.WriteRow("Skenario", scenario.Name);
        xlsx.WriteRow("Registri per tanggal", asOf.ToString("dd/MM/yyyy", inv));
        xlsx.WriteRow("Pertumbuhan pekerja layak per tahun (%)", scenario.PopulationGrowthPercent);
        xlsx.WriteRow("Kenaikan upah PU per tahun (%)", scenario.WageGrowthPercent);
        xlsx.WriteRow("Bobot OPD prioritas", scenario.PriorityAgencyWeight);
        foreach (var (code, weight) in scenario.CategoryWeights)
        {
            xlsx.WriteRow("Bobot kategori " + categoryNames.GetValueOrDefault(code, code), weight);
        }

        foreach (var (year, cap) in scenario.Caps)
        {
            xlsx.WriteRow("Pagu " + year.ToString(inv) + " (Rp)", cap);
        }

        foreach (var u in plan.Unplanned)
        {
            xlsx.WriteRow("Belum dapat dianggarkan " + u.Year.ToString(inv),
                $"Target berpenyebut eksternal {u.CategoryName ?? "semua pekerja rentan"} ({u.Population.ToString(inv)} orang): registri belum memuat pekerja terverifikasinya.");
        }

        if (!string.IsNullOrWhiteSpace(scenario.Notes))
        {
            xlsx.WriteRow("Catatan", scenario.Notes);
        }

        xlsx.WriteNote("Populasi = pekerja terverifikasi yang belum berakhir pada tanggal registri, tumbuh sesuai asumsi; target dibulatkan ke atas per baris anggaran; "
            + "iuran setahun = jumlah 12 bulan dengan tabel tarif yang berlaku pada tanggal 1 setiap bulan. Urutan pendanaan saat pagu terbatas: lihat docs/contributions.md.");
    }
}
