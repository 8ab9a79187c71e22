using Lindung.Core.Formatting;

namespace Lindung.Core.Tests.Formatting;

public class IndonesianFormatTests
{
    [Theory]
    [InlineData(1234567, "Rp 1.234.567")]
    [InlineData(0, "Rp 0")]
    [InlineData(16800, "Rp 16.800")]
    [InlineData(-5000, "-Rp 5.000")]
    public void Rupiah_WholeRupiah_UsesDotGrouping(long value, string expected) =>
        Assert.Equal(expected, IndonesianFormat.Rupiah(value));

    [Fact]
    public void Date_AnyCulture_IsDayMonthYearWithSlashes() =>
        Assert.Equal("17/08/2025", IndonesianFormat.Date(new DateOnly(2025, 8, 17)));

    [Fact]
    public void Percent_OneDecimal_UsesComma() =>
        Assert.Equal("25,8%", IndonesianFormat.Percent(25.77m));
}
