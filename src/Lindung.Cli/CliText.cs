using System.Globalization;
using Lindung.Core.Formatting;

namespace Lindung.Cli;

/// <summary>
/// Every text of the <c>lindung</c> command a person reads, from <c>Resources/CliText.resx</c> (Bahasa Indonesia, the
/// neutral language) and <c>Resources/CliText.en.resx</c> (English), in the run's <see cref="CultureInfo.CurrentUICulture"/>
/// (<see cref="LindungCli.RunInLanguageAsync"/> sets it). A key is the name of its member. Texts a command fails with
/// are <see cref="CliMessage"/>s: stderr shows them in the run's language, <c>--json</c> always in Indonesian.
/// </summary>
internal static class CliText
{
    /// <summary>The default language, whatever the machine's culture.</summary>
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    /// <summary>The environment variable that chooses the language: <c>en</c> for English, anything else Indonesian.</summary>
    public const string LanguageVariable = "LINDUNG_LANG";

    private static readonly ResourceText Resources = new("Lindung.Cli.Resources.CliText", typeof(CliText).Assembly);

    /// <summary>English for <c>en</c>, <c>en-GB</c>, <c>en_US.UTF-8</c> and the like; Indonesian otherwise (also when unset).</summary>
    public static CultureInfo LanguageFrom(string? value) =>
        value is { Length: >= 2 } v && v.StartsWith("en", StringComparison.OrdinalIgnoreCase) && (v.Length == 2 || v[2] is '-' or '_' or '.')
            ? English
            : Indonesian;

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>; a missing key is a bug, not a blank line.</summary>
    public static string Get(string key, CultureInfo culture) => Resources.Get(key, culture);

    private static string Text(string key) => Get(key, CultureInfo.CurrentUICulture);

    private static string Format(string key, params object?[] values) =>
        string.Format(CultureInfo.CurrentCulture, Text(key), values);

    // Shared by several commands.
    public static string ErrorLine(string message) => Format(nameof(ErrorLine), message);

    public static string SeeHelp => Text(nameof(SeeHelp));

    public static string RootDescription => Text(nameof(RootDescription));

    public static string GlobalJson => Text(nameof(GlobalJson));

    public static string GlobalDb => Text(nameof(GlobalDb));

    public static string GlobalDataDir => Text(nameof(GlobalDataDir));

    public static string GlobalTenant => Text(nameof(GlobalTenant));

    public static CliMessage TenantMissing(string tenant) => new(nameof(TenantMissing), tenant);

    public static CliMessage TenantNone => new(nameof(TenantNone));

    public static CliMessage TenantSeveral(string tenants) => new(nameof(TenantSeveral), tenants);

    public static CliMessage FileMissing(string path) => new(nameof(FileMissing), path);

    public static CliMessage OpdMissing(string? opd, string tenant) => new(nameof(OpdMissing), opd, tenant);

    public static string DryRunOption => Text(nameof(DryRunOption));

    public static string DryRunNote => Text(nameof(DryRunNote));

    public static string PeriodOption => Text(nameof(PeriodOption));

    public static string ProgressRegions => Text(nameof(ProgressRegions));

    public static string ProgressDemoData => Text(nameof(ProgressDemoData));

    public static string ProgressImport => Text(nameof(ProgressImport));

    public static string ProgressBackup => Text(nameof(ProgressBackup));

    public static string ProgressRestore => Text(nameof(ProgressRestore));

    // db
    public static string DbDescription => Text(nameof(DbDescription));

    public static string DbMigrateDescription => Text(nameof(DbMigrateDescription));

    public static string DbMigrateUpToDate => Text(nameof(DbMigrateUpToDate));

    public static string DbMigrateApplied(int count, string migrations) => Format(nameof(DbMigrateApplied), count, migrations);

    // tenant
    public static string TenantDescription => Text(nameof(TenantDescription));

    public static string TenantAddDescription => Text(nameof(TenantAddDescription));

    public static string TenantAddCode => Text(nameof(TenantAddCode));

    public static string TenantAddName => Text(nameof(TenantAddName));

    public static string TenantAddBadCode(string code) => Format(nameof(TenantAddBadCode), code);

    public static string TenantAddCreated(string code, string name, int agencies, int categories) =>
        Format(nameof(TenantAddCreated), code, name, agencies, categories);

    public static string TenantAddExists(string code, string name) => Format(nameof(TenantAddExists), code, name);

    public static string TenantListDescription => Text(nameof(TenantListDescription));

    // user
    public static string UserDescription => Text(nameof(UserDescription));

    public static string UserAddDescription => Text(nameof(UserAddDescription));

    public static string UserAddUserName => Text(nameof(UserAddUserName));

    public static string UserAddName => Text(nameof(UserAddName));

    public static string UserAddOpd => Text(nameof(UserAddOpd));

    public static string UserAddPasswordFile => Text(nameof(UserAddPasswordFile));

    public static string UserAddUnknownRole(string? role, string roles) => Format(nameof(UserAddUnknownRole), role, roles);

    public static CliMessage UserAddPasswordFileMissing(string path) => new(nameof(UserAddPasswordFileMissing), path);

    public static string UserAddCreated(string? userName, string role, string tenant) =>
        Format(nameof(UserAddCreated), userName, role, tenant);

    public static string UserAddCreatedTemporary(string? userName, string role, string tenant, string password) =>
        Format(nameof(UserAddCreatedTemporary), userName, role, tenant, password);

    public static string UserResetDescription => Text(nameof(UserResetDescription));

    public static string UserResetUserName => Text(nameof(UserResetUserName));

    public static CliMessage UserResetMissing(string? userName) => new(nameof(UserResetMissing), userName);

    public static string UserResetDone(string? userName, string password) => Format(nameof(UserResetDone), userName, password);

    // seed
    public static string SeedDescription => Text(nameof(SeedDescription));

    public static string SeedDemo => Text(nameof(SeedDemo));

    public static string SeedWorkers => Text(nameof(SeedWorkers));

    public static string SeedRandomSeed => Text(nameof(SeedRandomSeed));

    public static string SeedAdded(string tenant, int regions, int agencies, int categories) =>
        Format(nameof(SeedAdded), tenant, regions, agencies, categories);

    public static string SeedComplete(string tenant) => Format(nameof(SeedComplete), tenant);

    public static string SeedDemoRegistry(int workers) => Format(nameof(SeedDemoRegistry), workers);

    public static string SeedDemoBpjsHistory(int months, int rows) => Format(nameof(SeedDemoBpjsHistory), months, rows);

    // import workers
    public static string ImportDescription => Text(nameof(ImportDescription));

    public static string ImportWorkersDescription => Text(nameof(ImportWorkersDescription));

    public static string ImportWorkersFile => Text(nameof(ImportWorkersFile));

    public static string ImportWorkersOpd => Text(nameof(ImportWorkersOpd));

    public static string ImportWorkersCategory => Text(nameof(ImportWorkersCategory));

    public static string ImportWorkersPeriod => Text(nameof(ImportWorkersPeriod));

    public static string ImportWorkersSheet => Text(nameof(ImportWorkersSheet));

    public static string ImportWorkersErrorsOut => Text(nameof(ImportWorkersErrorsOut));

    public static CliMessage ImportWorkersCategoryMissing(string category) => new(nameof(ImportWorkersCategoryMissing), category);

    /// <param name="dryRunNote">Empty, or a space and <see cref="DryRunNote"/>.</param>
    public static string ImportWorkersSummary(int rows, int accepted, string dryRunNote, int unchanged, int rejected,
        int duplicatesInFile, int conflicts, int warnings) =>
        Format(nameof(ImportWorkersSummary), rows, accepted, dryRunNote, unchanged, rejected, duplicatesInFile, conflicts, warnings);

    public static string ImportWorkersErrorCount(string code, int count) => Format(nameof(ImportWorkersErrorCount), code, count);

    public static string ImportWorkersWarningCount(string code, int count) => Format(nameof(ImportWorkersWarningCount), code, count);

    // iuran
    public static string IuranDescription => Text(nameof(IuranDescription));

    public static string IuranDate => Text(nameof(IuranDate));

    public static string IuranPuDescription => Text(nameof(IuranPuDescription));

    public static string IuranWage => Text(nameof(IuranWage));

    public static string IuranRisk => Text(nameof(IuranRisk));

    public static string IuranBpuDescription => Text(nameof(IuranBpuDescription));

    public static string IuranIncome => Text(nameof(IuranIncome));

    public static string IuranJakonDescription => Text(nameof(IuranJakonDescription));

    public static string IuranContractValue => Text(nameof(IuranContractValue));

    public static string IuranIncludesVat => Text(nameof(IuranIncludesVat));

    public static string IuranBadDate(string date) => Format(nameof(IuranBadDate), date);

    public static string IuranHeader(string scheme, string contributionBase, string rateVersion) =>
        Format(nameof(IuranHeader), scheme, contributionBase, rateVersion);

    public static string IuranFixedRate => Text(nameof(IuranFixedRate));

    public static string IuranShares(string employer, string worker) => Format(nameof(IuranShares), employer, worker);

    public static string IuranAssumption => Text(nameof(IuranAssumption));

    public static string IuranTotalProject(string total) => Format(nameof(IuranTotalProject), total);

    public static string IuranTotalMonthly(string total) => Format(nameof(IuranTotalMonthly), total);

    public static string IuranNotice(string notice) => Format(nameof(IuranNotice), notice);

    // budget
    public static string BudgetDescription => Text(nameof(BudgetDescription));

    public static string BudgetFrom => Text(nameof(BudgetFrom));

    public static string BudgetTo => Text(nameof(BudgetTo));

    public static string BudgetCap => Text(nameof(BudgetCap));

    public static string BudgetPopulationGrowth => Text(nameof(BudgetPopulationGrowth));

    public static string BudgetWageGrowth => Text(nameof(BudgetWageGrowth));

    public static string BudgetScenario => Text(nameof(BudgetScenario));

    public static CliMessage BudgetBadYears(int from, int to) => new(nameof(BudgetBadYears), from, to);

    public static CliMessage BudgetBadCap(string cap) => new(nameof(BudgetBadCap), cap);

    public static string BudgetBadPercent(string text) => Format(nameof(BudgetBadPercent), text);

    public static CliMessage BudgetScenarioMissing(string scenario, string tenant) => new(nameof(BudgetScenarioMissing), scenario, tenant);

    public static string BudgetYear(int year, string people, string target, string rupiah) =>
        Format(nameof(BudgetYear), year, people, target, rupiah);

    public static string BudgetYearCap(string cap, string uncovered) => Format(nameof(BudgetYearCap), cap, uncovered);

    public static string BudgetUnplanned(int year, string category, string population) =>
        Format(nameof(BudgetUnplanned), year, category, population);

    public static string BudgetAllVulnerableWorkers => Text(nameof(BudgetAllVulnerableWorkers));

    // bpjs
    public static string BpjsDescription => Text(nameof(BpjsDescription));

    public static string BpjsImportDescription => Text(nameof(BpjsImportDescription));

    public static string BpjsImportFile => Text(nameof(BpjsImportFile));

    public static string BpjsImportUnchanged(string period) => Format(nameof(BpjsImportUnchanged), period);

    public static string BpjsImportSummary(string period, int rows, int matchedExact, int matchedFuzzy, int needsReview,
        int unmatched, int active, int inactive, int kpjFilled, int registered) =>
        Format(nameof(BpjsImportSummary), period, rows, matchedExact, matchedFuzzy, needsReview, unmatched, active, inactive,
            kpjFilled, registered);

    public static string BpjsImportStatusAssumed => Text(nameof(BpjsImportStatusAssumed));

    public static string BpjsExportDescription => Text(nameof(BpjsExportDescription));

    public static string BpjsExportFile => Text(nameof(BpjsExportFile));

    public static string BpjsExportFormat => Text(nameof(BpjsExportFormat));

    public static CliMessage BpjsExportUnknownFormat(string format) => new(nameof(BpjsExportUnknownFormat), format);

    public static string BpjsExportDone(int rows, string path) => Format(nameof(BpjsExportDone), rows, path);

    // coverage
    public static string CoverageDescription => Text(nameof(CoverageDescription));

    public static string CoveragePeriod => Text(nameof(CoveragePeriod));

    public static string CoverageBy(string dimensions) => Format(nameof(CoverageBy), dimensions);

    public static CliMessage CoverageUnknownBy(string dimension, string dimensions) => new(nameof(CoverageUnknownBy), dimension, dimensions);

    public static CliMessage CoverageBadPeriod(string period) => new(nameof(CoverageBadPeriod), period);

    public static string CoverageSummary(string period, string active, string eligible, string percent) =>
        Format(nameof(CoverageSummary), period, active, eligible, percent);

    public static string CoverageFromBpjs => Text(nameof(CoverageFromBpjs));

    public static string CoverageFromRegistry => Text(nameof(CoverageFromRegistry));

    public static string CoverageNotFrozen => Text(nameof(CoverageNotFrozen));

    // bill
    public static string BillDescription => Text(nameof(BillDescription));

    public static CliMessage BillBadPeriod(string period) => new(nameof(BillBadPeriod), period);

    public static string BillHeader(string period, string dueDate, string rateVersion, string workers, string total) =>
        Format(nameof(BillHeader), period, dueDate, rateVersion, workers, total);

    public static string BillFundingSource(string workers, string total) => Format(nameof(BillFundingSource), workers, total);

    // proyek
    public static string ProyekDescription => Text(nameof(ProyekDescription));

    public static string ProyekImportDescription => Text(nameof(ProyekImportDescription));

    public static string ProyekImportFile => Text(nameof(ProyekImportFile));

    public static string ProyekImportOpd => Text(nameof(ProyekImportOpd));

    /// <param name="dryRunNote">Empty, or a space and <see cref="DryRunNote"/>.</param>
    public static string ProyekImportAccepted(int rows, string dryRunNote, int added, int updated, int unchanged) =>
        Format(nameof(ProyekImportAccepted), rows, dryRunNote, added, updated, unchanged);

    public static string ProyekImportNothingSaved => Text(nameof(ProyekImportNothingSaved));

    public static string ProyekImportRowError(int row, string message) => Format(nameof(ProyekImportRowError), row, message);

    // retensi
    public static string RetensiDescription => Text(nameof(RetensiDescription));

    public static string RetensiRunDescription => Text(nameof(RetensiRunDescription));

    public static string RetensiDryRun => Text(nameof(RetensiDryRun));

    public static CliMessage RetensiBadPolicy(string problem) => new(nameof(RetensiBadPolicy), problem);

    /// <param name="ending">A full stop, or a space and <see cref="RetensiUnconfirmed"/>.</param>
    public static string RetensiDue(string people, int retentionYears, string cutoff, int mustKeepYears, string ending) =>
        Format(nameof(RetensiDue), people, retentionYears, cutoff, mustKeepYears, ending);

    /// <param name="ending">A full stop, or a space and <see cref="RetensiUnconfirmed"/>.</param>
    public static string RetensiAnonymised(string people, int retentionYears, string cutoff, int mustKeepYears, string ending) =>
        Format(nameof(RetensiAnonymised), people, retentionYears, cutoff, mustKeepYears, ending);

    public static string RetensiUnconfirmed => Text(nameof(RetensiUnconfirmed));

    public static string RetensiPersonEnded(Guid person, string ended) => Format(nameof(RetensiPersonEnded), person, ended);

    // backup, restore
    public static string BackupDescription => Text(nameof(BackupDescription));

    public static string BackupFile => Text(nameof(BackupFile));

    public static string BackupForce => Text(nameof(BackupForce));

    public static string BackupPassphraseFile => Text(nameof(BackupPassphraseFile));

    public static CliMessage BackupFileExists(string path) => new(nameof(BackupFileExists), path);

    public static CliMessage BackupNoDatabase(string path) => new(nameof(BackupNoDatabase), path);

    public static string BackupPostgresNote => Text(nameof(BackupPostgresNote));

    public static string BackupSaved(string path, string megabytes, int files) => Format(nameof(BackupSaved), path, megabytes, files);

    public static string BackupSavedWithoutDatabase(string path, string megabytes, int files) =>
        Format(nameof(BackupSavedWithoutDatabase), path, megabytes, files);

    public static string BackupNotIncluded(string files) => Format(nameof(BackupNotIncluded), files);

    public static string BackupKeepPassphrase => Text(nameof(BackupKeepPassphrase));

    public static string RestoreDescription => Text(nameof(RestoreDescription));

    public static string RestoreFile => Text(nameof(RestoreFile));

    public static string RestoreForce => Text(nameof(RestoreForce));

    public static CliMessage RestoreFailed(CoreMessage reason) => new(nameof(RestoreFailed), reason);

    public static string RestoreDone(string createdAt, int items) => Format(nameof(RestoreDone), createdAt, items);

    public static string RestoreMovedAside(string folder) => Format(nameof(RestoreMovedAside), folder);

    public static string RestoreKeysOnly => Text(nameof(RestoreKeysOnly));

    public static CliMessage PassphraseFileMissing(string path) => new(nameof(PassphraseFileMissing), path);

    public static CliMessage PassphraseNoTerminal => new(nameof(PassphraseNoTerminal));

    public static string PassphrasePrompt => Text(nameof(PassphrasePrompt));

    public static string PassphraseRepeat => Text(nameof(PassphraseRepeat));

    public static CliMessage PassphraseMismatch => new(nameof(PassphraseMismatch));

    public static CliMessage PassphraseTooShort(int minimum) => new(nameof(PassphraseTooShort), minimum);
}
