using Lindung.Core.Registry.Validation;

namespace Lindung.Core.Tests.Registry;

public class FieldValidationTests
{
    [Theory]
    [InlineData("17/08/1980", 1980, 8, 17)]
    [InlineData("7/8/1980", 1980, 8, 7)]
    [InlineData("17-08-1980", 1980, 8, 17)]
    [InlineData("17/08-1980", 1980, 8, 17)]
    [InlineData("1.1.2000", 2000, 1, 1)]
    [InlineData("7-8-1980", 1980, 8, 7)]
    [InlineData("17.08.1980", 1980, 8, 17)]
    [InlineData("1980-08-17", 1980, 8, 17)]
    [InlineData("1980-08-17 00:00:00", 1980, 8, 17)]
    [InlineData("1980-08-17T00:00:00", 1980, 8, 17)]
    [InlineData("17 Agustus 1980", 1980, 8, 17)]
    [InlineData("17 agustus 1980", 1980, 8, 17)]
    [InlineData("17 Agu 1980", 1980, 8, 17)]
    [InlineData("17-Agustus-1980", 1980, 8, 17)]
    [InlineData("1 Mei 1975", 1975, 5, 1)]
    [InlineData("5 Nopember 1990", 1990, 11, 5)]
    [InlineData("17 August 1980", 1980, 8, 17)]
    [InlineData("29450", 1980, 8, 17)]
    [InlineData("61", 1900, 3, 1)]
    [InlineData("59", 1900, 2, 28)]
    public void TryParse_AcceptedFormats(string raw, int y, int m, int d)
    {
        Assert.True(DateParsing.TryParse(raw, out var date), raw);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("31/02/1980")]
    [InlineData("17/13/1980")]
    [InlineData("17/08/80")]
    [InlineData("17/08/19800")]
    [InlineData("170/08/1980")]
    [InlineData("17/008/1980")]
    [InlineData("17//08/1980")]
    [InlineData("17/08/1980x")]
    [InlineData("29/02/1981")]
    [InlineData("60")]
    [InlineData("17 Agustusan 1980")]
    [InlineData("kemarin")]
    [InlineData("")]
    public void TryParse_Refused(string raw) => Assert.False(DateParsing.TryParse(raw, out _));

    [Theory]
    [InlineData("  Siti   Nurhayati ", "Siti Nurhayati", null, null)]
    [InlineData("Hj. Siti Aminah", "Siti Aminah", "Hj.", null)]
    [InlineData("H. Ahmad Dahlan, S.Pd.", "Ahmad Dahlan", "H.", "S.Pd.")]
    [InlineData("Drs. H. Zulkifli, M.Si.", "Zulkifli", "Drs. H.", "M.Si.")]
    [InlineData("Rina Anggraini, S.E., M.M.", "Rina Anggraini", null, "S.E., M.M.")]
    [InlineData("Ustadz Abdul Karim", "Abdul Karim", "Ustadz", null)]
    [InlineData("M. Ali", "M. Ali", null, null)]
    [InlineData("Ma'ruf", "Ma'ruf", null, null)]
    [InlineData("Siti\tNurhayati", "Siti Nurhayati", null, null)]
    [InlineData("Siti \u00A0 Nurhayati", "Siti Nurhayati", null, null)]
    [InlineData("Rina  Anggraini,  S.E.", "Rina Anggraini", null, "S.E.")]
    public void PersonName_TitlesKeptApart(string raw, string name, string? front, string? back)
    {
        var (parsed, issue) = PersonName.Parse(raw);

        Assert.Null(issue);
        Assert.Equal(new PersonName(name, front, back), parsed);
    }

    [Theory]
    [InlineData("Siti Nurhayati", "SITI NURHAYATI")]
    [InlineData("  siti,  nur-hayati. ", "SITI NUR HAYATI")]
    [InlineData("Muara Dua.", "MUARA DUA")]
    [InlineData("M. Ali", "M ALI")]
    [InlineData("Ma'ruf 2", "MARUF")]
    [InlineData("-- ", "")]
    [InlineData("", "")]
    public void NameKeys_UpperCaseLettersAndSingleSpaces(string name, string key) => Assert.Equal(key, Lindung.Core.Registry.NameKeys.For(name));

    [Theory]
    [InlineData("", IssueCodes.NameMissing)]
    [InlineData("   ", IssueCodes.NameMissing)]
    [InlineData("H.", IssueCodes.NameMissing)]
    [InlineData("Siti 2", IssueCodes.NameInvalid)]
    [InlineData("=HYPERLINK(1)", IssueCodes.NameInvalid)]
    public void PersonName_Problems(string raw, string code) => Assert.Equal(code, PersonName.Parse(raw).Issue!.Code);

    [Theory]
    [InlineData("0812-3456-7890", "+6281234567890")]
    [InlineData("0812 3456 789", "+628123456789")]
    [InlineData("62812345678901", "+62812345678901")]
    [InlineData("+62 812.3456.7890", "+6281234567890")]
    [InlineData("(0812) 34567890", "+6281234567890")]
    [InlineData("0735-321456", null)]
    [InlineData("08123", null)]
    [InlineData("nomor saya 0812", null)]
    [InlineData("", null)]
    public void NormalisePhone_MobileNumbersOnly(string raw, string? expected) => Assert.Equal(expected, FieldParsing.NormalisePhone(raw));

    [Theory]
    [InlineData("12345678901", "12345678901")]
    [InlineData(" 123 4567 8901 ", "12345678901")]
    [InlineData("123-4567-8901", "12345678901")]
    [InlineData("1234567890", null)]
    [InlineData("123456789012", null)]
    [InlineData("KPJ 12345678901", null)]
    [InlineData("1.23456789E+10", null)]
    [InlineData("", null)]
    public void NormaliseKpj_ElevenDigitsOnly(string raw, string? expected) => Assert.Equal(expected, FieldParsing.NormaliseKpj(raw));

    [Theory]
    [InlineData("L", 'L')]
    [InlineData("p", 'P')]
    [InlineData("Laki-laki", 'L')]
    [InlineData("LAKI LAKI", 'L')]
    [InlineData("Perempuan", 'P')]
    [InlineData("Wanita", 'P')]
    [InlineData("Pria", 'L')]
    [InlineData("X", null)]
    [InlineData("", null)]
    public void ParseSex_IndonesianForms(string raw, char? expected) => Assert.Equal(expected, FieldParsing.ParseSex(raw));

    [Theory]
    [InlineData("1.500.000", 1_500_000)]
    [InlineData("1500000", 1_500_000)]
    [InlineData("Rp 1.500.000", 1_500_000)]
    [InlineData("Rp1.500.000,00", 1_500_000)]
    [InlineData("1,500,000", 1_500_000)]
    [InlineData("1.500.000,00", 1_500_000)]
    public void TryParseRupiah_Accepted(string raw, long expected)
    {
        Assert.True(FieldParsing.TryParseRupiah(raw, out var amount), raw);
        Assert.Equal(expected, amount);
    }

    [Theory]
    [InlineData("-100")]
    [InlineData("satu juta")]
    [InlineData("1.500.000,50")]
    [InlineData("")]
    public void TryParseRupiah_Refused(string raw) => Assert.False(FieldParsing.TryParseRupiah(raw, out _));

    [Fact]
    public void HeaderMap_Synonyms_MapIgnoringCaseAndPunctuation()
    {
        var map = HeaderMap.From(["No. KTP", "nama lengkap", "Tgl Lahir", "L/P", "No HP", "Penghasilan", "Profesi", "Kolom Bebas"]);

        Assert.Equal(0, map.Columns[WorkerField.Nik]);
        Assert.Equal(1, map.Columns[WorkerField.Name]);
        Assert.Equal(2, map.Columns[WorkerField.BirthDate]);
        Assert.Equal(3, map.Columns[WorkerField.Sex]);
        Assert.Equal(4, map.Columns[WorkerField.Phone]);
        Assert.Equal(5, map.Columns[WorkerField.Income]);
        Assert.Equal(6, map.Columns[WorkerField.Category]);
        Assert.Equal(["Kolom Bebas"], map.Unknown);
        Assert.Empty(map.MissingRequired);
    }

    [Fact]
    public void HeaderMap_NoNikColumn_IsReportedMissing() =>
        Assert.Equal([WorkerField.Nik], HeaderMap.From(["Nama", "Alamat"]).MissingRequired);
}
