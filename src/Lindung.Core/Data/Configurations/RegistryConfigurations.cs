using Lindung.Core.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => new { p.TenantCode, p.NikHash }).IsUnique();
        b.Property(p => p.NikHash).HasMaxLength(32).HasAnnotation(LindungDbContext.SensitiveAnnotation, true);
        b.Property(p => p.NikCipher).HasMaxLength(64).HasAnnotation(LindungDbContext.SensitiveAnnotation, true);
        b.Property(p => p.NikMasked).HasMaxLength(16).IsPersonal();
        b.Property(p => p.NikRegionCode).HasMaxLength(13).IsPersonal();
        b.Property(p => p.FullName).HasMaxLength(200).IsPersonal();
        b.Property(p => p.FrontTitle).HasMaxLength(40).IsPersonal();
        b.Property(p => p.BackTitle).HasMaxLength(60).IsPersonal();
        b.Property(p => p.NameKey).HasMaxLength(200).IsPersonal();
        b.Property(p => p.BirthPlace).HasMaxLength(100).IsPersonal();
        b.Property(p => p.Address).HasMaxLength(300).IsPersonal();
        b.Property(p => p.DistrictCode).HasMaxLength(13);
        b.Property(p => p.VillageCode).HasMaxLength(13);
        b.Property(p => p.Phone).HasMaxLength(20).IsPersonal();
        b.Property(p => p.Kpj).HasMaxLength(11).IsPersonal();
        b.Property(p => p.BirthDate).IsPersonal();
        b.HasIndex(p => new { p.TenantCode, p.NameKey });
        b.HasIndex(p => new { p.TenantCode, p.BirthDate, p.Sex });
        // Only people with a KPJ: every lookup is by a known KPJ (SQLite and PostgreSQL both use a partial index for
        // `Kpj = @value`), and a new registry has none — the 1M import's index rebuild did 0.8 s of work for a million
        // NULLs (0.19 s now; docs/performance.md, "Stop 17").
        b.HasIndex(p => new { p.TenantCode, p.Kpj }).HasFilter("\"Kpj\" IS NOT NULL");
        b.HasIndex(p => new { p.TenantCode, p.DistrictCode, p.VillageCode });
        // The registry list filtered by kecamatan at a million workers: count and first page from the index alone, in
        // name order (a count over 85,000 people and their sort took 1 s; docs/performance.md).
        b.HasIndex(p => new { p.TenantCode, p.DistrictCode, p.NameKey, p.Id });
        b.HasMany(p => p.Engagements).WithOne(e => e.Person).HasForeignKey(e => e.PersonId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EngagementConfiguration : IEntityTypeConfiguration<Engagement>
{
    public void Configure(EntityTypeBuilder<Engagement> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Scheme).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.Position).HasMaxLength(120).IsPersonal();
        b.Property(e => e.FundingSource).HasMaxLength(40);
        b.Property(e => e.Programs).HasMaxLength(40);
        b.Property(e => e.EndReason).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Verification).HasConversion<string>().HasMaxLength(12);
        b.Property(e => e.VerificationReason).HasMaxLength(500).IsPersonal();
        b.Property(e => e.VerifiedBy).HasMaxLength(256);
        b.Property(e => e.Registration).HasConversion<string>().HasMaxLength(16);
        b.HasOne(e => e.Agency).WithMany().HasForeignKey(e => e.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Category).WithMany().HasForeignKey(e => e.CategoryId).OnDelete(DeleteBehavior.Restrict);
        // Agency and person ids are unique across tenants, so these also serve the tenant-filtered queries and
        // stand in for the foreign-key indexes; every extra index costs a million writes on a big import.
        b.HasIndex(e => new { e.AgencyId, e.Verification });
        b.HasIndex(e => e.SubmissionId);
        // The person's foreign-key index with the tenant and the verification status: a join from people to their
        // engagements under the tenant filter, with or without a status filter, needs no engagement row (registry list by
        // kecamatan/desa/name, and by kecamatan and status: 0.25 s → 0.10 s for the count at a million workers).
        b.HasIndex(e => new { e.PersonId, e.TenantCode, e.Verification });
        // The registry list's status filters: the count, and the matches found first when they are few (a status few
        // engagements have would otherwise be searched for by walking everyone in name order). One index for both
        // statuses: each index costs about 1.5 CPU-seconds per million imported engagements.
        b.HasIndex(e => new { e.TenantCode, e.Verification, e.Registration });
        // The registry list's "newest first" (Urut=terbaru) at a million engagements: a sort of the whole table without it.
        b.HasIndex(e => new { e.TenantCode, e.CreatedAt });
        b.Ignore(e => e.IsUpdate);
    }
}

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Period).HasMaxLength(7);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.FileName).HasMaxLength(260);
        b.Property(s => s.FileSha256).HasMaxLength(64);
        b.Property(s => s.SubmittedBy).HasMaxLength(256);
        b.HasIndex(s => new { s.TenantCode, s.AgencyId, s.Period });
        b.HasIndex(s => new { s.TenantCode, s.FileSha256 });
    }
}

internal sealed class CoverageTargetConfiguration : IEntityTypeConfiguration<Lindung.Core.Coverage.CoverageTarget>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Coverage.CoverageTarget> b)
    {
        b.HasKey(t => t.Id);
        b.Property(t => t.Plan).HasConversion<string>().HasMaxLength(8);
        b.Property(t => t.Denominator).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.TargetPercent).HasPrecision(5, 2);
        b.Property(t => t.ExternalSource).HasMaxLength(200);
        b.Property(t => t.Notes).HasMaxLength(500);
        b.HasIndex(t => new { t.TenantCode, t.Year, t.Plan, t.CategoryId }).IsUnique();
    }
}

internal sealed class RegistryConflictConfiguration : IEntityTypeConfiguration<RegistryConflict>
{
    public void Configure(EntityTypeBuilder<RegistryConflict> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(14);
        b.Property(c => c.Note).HasMaxLength(500).IsPersonal();
        b.Property(c => c.DecidedBy).HasMaxLength(256);
        b.HasIndex(c => new { c.TenantCode, c.Status });
        b.HasIndex(c => c.NewEngagementId).IsUnique();
    }
}

internal sealed class BudgetScenarioConfiguration : IEntityTypeConfiguration<Lindung.Core.Budget.BudgetScenario>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Budget.BudgetScenario> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Name).HasMaxLength(120);
        b.Property(s => s.PopulationGrowthPercent).HasPrecision(6, 2);
        b.Property(s => s.WageGrowthPercent).HasPrecision(6, 2);
        b.Property(s => s.PriorityAgencyWeight).HasPrecision(8, 2);
        b.Property(s => s.CapsJson).HasMaxLength(2000);
        b.Property(s => s.CategoryWeightsJson).HasMaxLength(2000);
        b.Property(s => s.Notes).HasMaxLength(1000);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Ignore(s => s.Caps);
        b.Ignore(s => s.CategoryWeights);
        b.HasIndex(s => new { s.TenantCode, s.Name }).IsUnique();
    }
}

internal sealed class RateVersionRecordConfiguration : IEntityTypeConfiguration<Lindung.Core.Contributions.RateVersionRecord>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Contributions.RateVersionRecord> b)
    {
        b.HasKey(v => v.Id);
        b.Property(v => v.Version).HasMaxLength(80);
        b.Property(v => v.TableJson).HasMaxLength(20_000);
        b.Property(v => v.CreatedBy).HasMaxLength(256);
        b.HasIndex(v => new { v.TenantCode, v.EffectiveFrom }).IsUnique();
    }
}

internal sealed class BpjsImportConfiguration : IEntityTypeConfiguration<Lindung.Core.Bpjs.BpjsImport>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Bpjs.BpjsImport> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Period).HasMaxLength(7);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.FileHash).HasMaxLength(64);
        b.Property(i => i.ImportedBy).HasMaxLength(256);
        b.HasIndex(i => new { i.TenantCode, i.Period });
    }
}

internal sealed class BpjsStatusConfiguration : IEntityTypeConfiguration<Lindung.Core.Bpjs.BpjsStatus>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Bpjs.BpjsStatus> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Period).HasMaxLength(7);
        b.Property(s => s.Kpj).HasMaxLength(20);
        b.Property(s => s.NikHash).HasMaxLength(32);
        b.Property(s => s.NikMasked).HasMaxLength(20);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.StatusText).HasMaxLength(40);
        b.Property(s => s.LastPaidPeriod).HasMaxLength(7);
        b.Property(s => s.Match).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.Review).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.Explanation).HasMaxLength(400);
        b.Property(s => s.Candidates).HasMaxLength(400);
        b.HasIndex(s => new { s.TenantCode, s.Period, s.PersonId });
        b.HasIndex(s => new { s.TenantCode, s.Review });
        b.HasOne<Lindung.Core.Bpjs.BpjsImport>().WithMany().HasForeignKey(s => s.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BpjsNikAliasConfiguration : IEntityTypeConfiguration<Lindung.Core.Bpjs.BpjsNikAlias>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Bpjs.BpjsNikAlias> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.NikHash).HasMaxLength(32).HasAnnotation(LindungDbContext.SensitiveAnnotation, true);
        b.Property(a => a.DecidedBy).HasMaxLength(256);
        b.HasIndex(a => new { a.TenantCode, a.NikHash }).IsUnique();
    }
}

internal sealed class TenantSettingConfiguration : IEntityTypeConfiguration<Lindung.Core.Tenancy.TenantSetting>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Tenancy.TenantSetting> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Key).HasMaxLength(80);
        b.Property(s => s.Value).HasMaxLength(20_000);
        b.HasIndex(s => new { s.TenantCode, s.Key }).IsUnique();
    }
}

internal sealed class CoverageSnapshotConfiguration : IEntityTypeConfiguration<Lindung.Core.Coverage.CoverageSnapshot>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Coverage.CoverageSnapshot> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Period).HasMaxLength(7);
        b.Property(s => s.Source).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => new { s.TenantCode, s.Period }).IsUnique();
        b.HasMany(s => s.Groups).WithOne().HasForeignKey(g => g.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CoverageSnapshotGroupConfiguration : IEntityTypeConfiguration<Lindung.Core.Coverage.CoverageSnapshotGroup>
{
    public void Configure(EntityTypeBuilder<Lindung.Core.Coverage.CoverageSnapshotGroup> b)
    {
        b.HasKey(g => g.Id);
        b.Property(g => g.Dimension).HasMaxLength(12);
        b.Property(g => g.Key).HasMaxLength(40);
        b.Property(g => g.Label).HasMaxLength(200);
        b.HasIndex(g => new { g.SnapshotId, g.Dimension });
    }
}
