using System.Globalization;
using System.Reflection;
using Lindung.Core.Backup;
using Lindung.Core.Formatting;
using Lindung.Core.Identity;
using Lindung.Core.Import;
using Lindung.Core.Import.Spreadsheets;
using Lindung.Core.Projects;

namespace Lindung.Core.Tests.Formatting;

/// <summary>
/// Why a file, an archive or a project is refused, in the reader's language: <see cref="ImportMessages"/>,
/// <see cref="BackupMessages"/> and <see cref="ProjectMessages"/> are keys of Resources/CoreText(.en).resx rendered when shown.
/// </summary>
public class CoreMessageTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private static readonly Type[] Types = [typeof(ImportMessages), typeof(BackupMessages), typeof(ProjectMessages), typeof(IdentityMessages)];

    /// <summary>Every member of the classes, with sample values for those that take some.</summary>
    public static TheoryData<string> Members()
    {
        var data = new TheoryData<string>();
        foreach (var type in Types)
        {
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.Static).Where(m => m is PropertyInfo or MethodInfo { IsSpecialName: false }))
            {
                data.Add(type.Name + "." + member.Name);
            }
        }

        return data;
    }

    private static CoreMessage Make(string member)
    {
        var (typeName, name) = (member[..member.IndexOf('.', StringComparison.Ordinal)], member[(member.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        var type = Types.Single(t => t.Name == typeName);
        if (type.GetProperty(name) is { } property)
        {
            return (CoreMessage)property.GetValue(null)!;
        }

        var method = type.GetMethod(name)!;
        var arguments = method.GetParameters().Select(p => p.ParameterType switch
        {
            var t when t == typeof(int) => (object)12_345,
            var t when t == typeof(long) => 12_345L,
            var t when t == typeof(string) => "X",
            _ => BackupMessages.ManifestMissing,
        }).ToArray();
        return (CoreMessage)method.Invoke(null, arguments)!;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void EveryMember_ReadsItsKey_InBothLanguages_AndTheyDiffer(string member)
    {
        var message = Make(member);

        var indonesian = message.Render(Indonesian);
        var english = message.Render(English);

        Assert.False(string.IsNullOrWhiteSpace(indonesian));
        Assert.False(string.IsNullOrWhiteSpace(english));
        Assert.NotEqual(indonesian, english);
        Assert.DoesNotContain("{", indonesian, StringComparison.Ordinal);
        Assert.DoesNotContain("{", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_AreWrittenAsTheTextsLanguageWritesThem()
    {
        var tooLarge = ImportMessages.TooLarge(1_500L * 1024 * 1024, 100L * 1024 * 1024);

        Assert.Equal("Berkas terlalu besar (1.500 MB); batasnya 100 MB. Pecah menjadi beberapa berkas.", tooLarge.Render(Indonesian));
        Assert.Equal("The file is too large (1,500 MB); the limit is 100 MB. Split it into several files.", tooLarge.Render(English));
        Assert.Equal("Berkas terlalu besar (2 MB); batasnya 1 MB. Pecah menjadi beberapa berkas.",
            ImportMessages.TooLarge(1024 * 1024 + 1, 1024 * 1024).Render(Indonesian));
        // No UI culture of its own (a background thread, a test runner): Bahasa Indonesia, Indonesian numbers.
        Assert.Equal(tooLarge.Render(Indonesian), tooLarge.Render(CultureInfo.InvariantCulture));
        Assert.Equal("Berkas CSV rusak di sekitar baris 12.345: ada tanda kutip (\") yang dibuka tetapi tidak ditutup dengan benar. "
            + "Perbaiki baris itu lalu unggah lagi.", ImportMessages.MalformedCsv(12_345).Render(Indonesian));
    }

    [Fact]
    public void AMessageInsideAnother_IsRenderedInTheSameLanguage()
    {
        var malformed = BackupMessages.Malformed(BackupMessages.EntryUnknown("data/x.bin"));

        Assert.Equal("Isi arsip cadangan tidak sah (entri tidak dikenal data/x.bin).", malformed.Render(Indonesian));
        Assert.Equal("The backup archive's contents are not valid (unknown entry data/x.bin).", malformed.Render(English));
    }

    [Fact]
    public void Sentences_AreRenderedTogetherInOneLanguage_AndOneIsItself()
    {
        var both = CoreMessage.Sentences([IdentityMessages.PasswordTooShort(12), IdentityMessages.PasswordRequiresUniqueChars(5)]);

        Assert.Equal("Kata sandi minimal 12 karakter. Kata sandi harus memuat minimal 5 karakter berbeda.", both.Render(Indonesian));
        Assert.Equal("The password must be at least 12 characters long. The password must contain at least 5 different characters.", both.Render(English));
        Assert.Equal("IdentityPasswordTooShort+IdentityPasswordRequiresUniqueChars", both.Key);
        var one = IdentityMessages.OperatorNeedsAgency;
        Assert.Same(one, CoreMessage.Sentences([one]));
    }

    [Fact]
    public void ExceptionMessages_FollowTheUiCultureWhenRead_AndToIndonesianDoesNot()
    {
        var unusable = new UnusableImportException("file.empty", ImportMessages.FileEmpty);
        var unreadable = new UnreadableFileException("file.zip_bomb", ImportMessages.ZipBomb);
        var backup = new BackupException(BackupFailure.Truncated, BackupMessages.Truncated);
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = English;
            Assert.Equal("The file is empty: it has neither a header row nor data.", unusable.Message);
            Assert.StartsWith("The Excel file is refused", unreadable.Message, StringComparison.Ordinal);
            Assert.Equal("The backup archive is truncated (incomplete).", backup.Message);
            Assert.Equal("Berkas kosong: tidak ada baris judul kolom maupun data.", unusable.Text.ToIndonesian());

            CultureInfo.CurrentUICulture = Indonesian;
            Assert.Equal("Berkas kosong: tidak ada baris judul kolom maupun data.", unusable.Message);
            Assert.Equal("Arsip cadangan terpotong (tidak lengkap).", backup.Message);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
