using Lindung.Core.Registry.Validation;

namespace Lindung.Core.Tests.Registry;

/// <summary>Reference §5, rule by rule, with synthetic NIKs only.</summary>
public class NikTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static NikCheck Check(string? raw, bool numeric = false, DateOnly? birth = null, char? sex = null, Func<string, bool>? regions = null) =>
        Nik.Check(raw, Today, numeric, birth, sex, regions);

    private static string Code(NikCheck c) => Assert.Single(c.Issues).Code;

    [Fact]
    public void Check_ValidMale_DecodesRegionDateSexAndSerial()
    {
        var c = Check("1609011208850002");

        Assert.True(c.IsValid);
        Assert.Empty(c.Issues);
        var nik = c.Value!;
        Assert.Equal(('L', new DateOnly(1985, 8, 12)), (nik.Sex, nik.BirthDate));
        Assert.Equal(("16", "16.09", "16.09.01", "0002"), (nik.ProvinceCode, nik.RegencyCode, nik.DistrictCode, nik.Serial));
    }

    [Fact]
    public void Check_Female_DayPlus40()
    {
        var nik = Check("1609014708850001").Value!;

        Assert.Equal(('P', 7, new DateOnly(1985, 8, 7)), (nik.Sex, nik.Day, nik.BirthDate));
    }

    [Theory]
    [InlineData("1609 0147 0885 0001")]
    [InlineData("1609.0147.0885.0001")]
    [InlineData("1609-0147-0885-0001")]
    public void Check_SeparatorsStripped(string raw) => Assert.Equal("1609014708850001", Check(raw).Value!.Digits);

    [Theory]
    [InlineData("1609014708850001", "1609014708850001")]
    [InlineData("1609 0147.0885-0001", "1609014708850001")]
    [InlineData("9909013213850000", "9909013213850000")] // 16 digits, though no valid NIK: only the digits are asked for
    [InlineData("160901470885000", null)]
    [InlineData("16090147088500011", null)]
    [InlineData("1.60901E+15", null)]
    [InlineData("160901470885000A", null)]
    [InlineData(" ", null)]
    [InlineData(null, null)]
    public void DigitsOf_SixteenDigitsAfterSeparators_OrNull(string? raw, string? digits) => Assert.Equal(digits, Nik.DigitsOf(raw));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" - . ")]
    public void Check_Empty_IsMissing(string? raw) => Assert.Equal(IssueCodes.NikMissing, Code(Check(raw)));

    [Theory]
    [InlineData("16090147O8850001")]
    [InlineData("1609014708850001a")]
    [InlineData("'1609014708850001")]
    public void Check_NonDigits_IsFormat(string raw) => Assert.Equal(IssueCodes.NikFormat, Code(Check(raw)));

    [Theory]
    [InlineData("160901470885000", "NIK hanya 15 digit; harus 16 digit.")]
    [InlineData("16090147088500011", "NIK 17 digit; harus 16 digit.")]
    public void Check_WrongLength_IsLengthWithTheCount(string raw, string message)
    {
        var issue = Assert.Single(Check(raw).Issues);

        Assert.Equal((IssueCodes.NikLength, message), (issue.Code, issue.Message));
    }

    [Fact]
    public void Check_FifteenDigitText_IsLengthNotExcelDamage() =>
        Assert.Equal(IssueCodes.NikLength, Code(Check("160901470885000")));

    [Theory]
    [InlineData("1.60901E+15")]
    [InlineData("1,60901E+15")]
    [InlineData("1.609014708850E15")]
    [InlineData("1.6090147088500001E+15")]
    public void Check_ENotation_IsExcelDamage(string raw)
    {
        var issue = Assert.Single(Check(raw).Issues);

        Assert.Equal(IssueCodes.NikExcelDamage, issue.Code);
        Assert.Contains("ketik ulang sebagai teks", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_NumericCellEndingInZero_IsExcelDamage() =>
        Assert.Equal(IssueCodes.NikExcelDamage, Code(Check("1609014708850010", numeric: true)));

    [Fact]
    public void Check_TextEndingInZero_IsAValidNik() => Assert.True(Check("1609014708850010").IsValid);

    [Fact]
    public void Check_NumericCellNotEndingInZero_IsKeptAsTyped() =>
        Assert.Equal("1609014708850001", Check("1609014708850001", numeric: true).Value!.Digits);

    [Theory]
    [InlineData("1009014708850001")]
    [InlineData("2009014708850001")]
    [InlineData("9709014708850001")]
    [InlineData("0009014708850001")]
    public void Check_UnknownProvince_IsProvince(string raw) => Assert.Equal(IssueCodes.NikProvince, Code(Check(raw)));

    [Theory]
    [InlineData("9309014708850001")]
    [InlineData("9609014708850001")]
    [InlineData("1109014708850001")]
    public void Check_NewPapuaAndAcehProvinces_AreValid(string raw) => Assert.True(Check(raw).IsValid);

    [Theory]
    [InlineData("1609010008850001")] // day 00
    [InlineData("1609013208850001")] // day 32 (neither male nor female)
    [InlineData("1609014008850001")] // day 40
    [InlineData("1609017208850001")] // 72 = female day 32
    [InlineData("1609011513850001")] // month 13
    [InlineData("1609013002850001")] // 30 February
    [InlineData("1609016902850001")] // 29 Feb 85 (female), no leap year either century
    public void Check_ImpossibleDate_IsDate(string raw) => Assert.Equal(IssueCodes.NikDate, Code(Check(raw)));

    [Fact]
    public void Check_LeapDay_TakesTheCenturyWhereItExists() =>
        Assert.Equal(new DateOnly(2000, 2, 29), Check("1609012902000001").Value!.BirthDate);

    [Fact]
    public void Check_SerialZero_IsSerial() => Assert.Equal(IssueCodes.NikSerial, Code(Check("1609014708850000")));

    [Fact]
    public void Check_CenturyFromTheRecordedBirthDate()
    {
        Assert.Equal(1925, Check("1609011208250002", birth: new DateOnly(1925, 8, 12)).Value!.BirthDate.Year);
        Assert.Equal(2025, Check("1609011208250002").Value!.BirthDate.Year);
        Assert.Equal(1985, Check("1609011208850002").Value!.BirthDate.Year);
    }

    [Fact]
    public void Check_BirthDateDisagrees_IsAWarningNotAnError()
    {
        var c = Check("1609011208850002", birth: new DateOnly(1985, 12, 8));

        Assert.True(c.IsValid);
        var issue = Assert.Single(c.Issues);
        Assert.Equal((IssueCodes.NikBirthDateMismatch, true), (issue.Code, issue.IsWarning));
        Assert.Equal("Tanggal lahir tidak cocok dengan NIK (peringatan).", issue.Message);
    }

    [Fact]
    public void Check_SexDisagrees_IsAWarning()
    {
        var c = Check("1609014708850001", sex: 'L');

        Assert.True(c.IsValid);
        Assert.Equal(IssueCodes.NikSexMismatch, Assert.Single(c.Issues).Code);
    }

    [Fact]
    public void Check_UnknownKecamatan_IsAWarning()
    {
        var known = new HashSet<string> { "16.09", "16.09.01" };

        Assert.Empty(Check("1609014708850001", regions: known.Contains).Issues);
        var c = Check("1609994708850001", regions: known.Contains);
        Assert.True(c.IsValid);
        Assert.Equal((IssueCodes.NikRegionUnknown, true), (c.Issues[0].Code, c.Issues[0].IsWarning));
    }

    [Fact]
    public void Check_SeveralProblems_ReportsEach()
    {
        var codes = Check("1009013208850000").Issues.Select(i => i.Code).ToList();

        Assert.Equal([IssueCodes.NikProvince, IssueCodes.NikDate, IssueCodes.NikSerial], codes);
    }
}
