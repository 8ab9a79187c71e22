using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Lindung.Core.Registry.Validation;

namespace Lindung.Core.Tests.Registry;

public partial class ValidationMessagesTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static Dictionary<string, string> Texts(string file)
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "Lindung.slnx")))
        {
            dir = Path.GetDirectoryName(dir)!;
        }

        return XDocument.Load(Path.Combine(dir, "src", "Lindung.Core", "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryMessage_HasAnEnglishText_WithTheSamePlaceholders()
    {
        var indonesian = Texts("CoreText.resx");
        var english = Texts("CoreText.en.resx");

        Assert.Equal(indonesian.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, text) in indonesian)
        {
            Assert.Equal(Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal),
                Placeholder().Matches(english[key]).Select(m => m.Value).Order(StringComparer.Ordinal));
            Assert.NotEqual(text, english[key]);
        }
    }

    [Fact]
    public void EveryMemberReadsAKey_InBothLanguages()
    {
        // A property or method whose key is missing throws instead of showing a blank message.
        var members = typeof(ValidationMessages).GetProperties().Select(p => (Func<string>)(() => (string)p.GetValue(null)!)).ToList();
        members.AddRange([
            () => ValidationMessages.AgeOutOfRange(70, 18, 60), () => ValidationMessages.DuplicateInFile(3),
            () => ValidationMessages.NikLength(15), () => ValidationMessages.NikLength(17), () => ValidationMessages.NikProvince("99"),
            () => ValidationMessages.NikDate("320285"), () => ValidationMessages.NikRegionUnknown("16.99.01"),
            () => ValidationMessages.BirthDateInvalid("kemarin"), () => ValidationMessages.CategoryUnknown("X"),
            () => ValidationMessages.RegionUnresolved("Y"),
        ]);
        foreach (var culture in new[] { Indonesian, English })
        {
            using (TestCulture.Use(culture))
            {
                Assert.All(members, m => Assert.False(string.IsNullOrWhiteSpace(m())));
            }
        }
    }

    [Fact]
    public void Messages_FollowTheUiCulture()
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = Indonesian;
            Assert.Equal("NIK hanya 15 digit; harus 16 digit.", ValidationMessages.NikLength(15));
            Assert.Equal("Usia 70 tahun di luar batas kategori (18–60 tahun).", ValidationMessages.AgeOutOfRange(70, 18, 60));
            CultureInfo.CurrentUICulture = English;
            Assert.Equal("The NIK has only 15 digits; it must have 16.", ValidationMessages.NikLength(15));
            Assert.Equal("Age 70 years is outside the category's limits (18–60 years).", ValidationMessages.AgeOutOfRange(70, 18, 60));
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            Assert.Equal("NIK kosong.", ValidationMessages.NikMissing);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
