using Lindung.Core.Formatting;

namespace Lindung.Core.Projects;

/// <summary>
/// What is wrong with a construction project (the form, an import row, the project file itself) or its certificate, for
/// people: <see cref="CoreMessage"/>s keyed "Project" + the member's name in <c>Resources/CoreText(.en).resx</c>. Column
/// names in them are the file's own headers (Bahasa Indonesia in both languages: they are what the file must say).
/// </summary>
public static class ProjectMessages
{
    public static CoreMessage ContractNumberMissing => Make(nameof(ContractNumberMissing));

    public static CoreMessage ContractNumberTooLong(int max) => Make(nameof(ContractNumberTooLong), max);

    public static CoreMessage PackageNameMissing => Make(nameof(PackageNameMissing));

    public static CoreMessage ContractorMissing => Make(nameof(ContractorMissing));

    public static CoreMessage ContractValueInvalid => Make(nameof(ContractValueInvalid));

    public static CoreMessage SpkDateMissing => Make(nameof(SpkDateMissing));

    public static CoreMessage DurationInvalid(int maxDays) => Make(nameof(DurationInvalid), maxDays);

    public static CoreMessage FundingYearInvalid => Make(nameof(FundingYearInvalid));

    public static CoreMessage FundingSourceMissing => Make(nameof(FundingSourceMissing));

    public static CoreMessage DistrictUnknown => Make(nameof(DistrictUnknown));

    public static CoreMessage VillageUnknown => Make(nameof(VillageUnknown));

    public static CoreMessage ColumnsMissing(string columns) => Make(nameof(ColumnsMissing), columns);

    public static CoreMessage AgencyColumnMissing => Make(nameof(AgencyColumnMissing));

    public static CoreMessage FileEmpty => Make(nameof(FileEmpty));

    public static CoreMessage ContractNumberRepeated(string number, int firstRow) => Make(nameof(ContractNumberRepeated), number, firstRow);

    public static CoreMessage ContractNumberOfOtherAgency(string number) => Make(nameof(ContractNumberOfOtherAgency), number);

    public static CoreMessage AgencyUnknown(string? text) => Make(nameof(AgencyUnknown), text);

    public static CoreMessage ContractValueUnreadable(string text) => Make(nameof(ContractValueUnreadable), text);

    public static CoreMessage VatUnreadable(string text) => Make(nameof(VatUnreadable), text);

    public static CoreMessage SpkDateUnreadable(string text) => Make(nameof(SpkDateUnreadable), text);

    public static CoreMessage DurationUnreadable(string text) => Make(nameof(DurationUnreadable), text);

    public static CoreMessage FundingYearUnreadable(string text) => Make(nameof(FundingYearUnreadable), text);

    public static CoreMessage RegionNotFound(string? district, string? village) => Make(nameof(RegionNotFound), district, village);

    public static CoreMessage CertificateEmpty => Make(nameof(CertificateEmpty));

    public static CoreMessage CertificateTooLarge(long maxMegabytes) => Make(nameof(CertificateTooLarge), maxMegabytes);

    public static CoreMessage CertificateNotPdf => Make(nameof(CertificateNotPdf));

    private static CoreMessage Make(string name, params object?[] values) => new("Project" + name, values);
}
