using Lindung.Core.MasterData;
using Lindung.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> b)
    {
        b.HasKey(t => t.Code);
        b.Property(t => t.Code).HasMaxLength(13);
        b.Property(t => t.Name).HasMaxLength(200);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.HasKey(r => r.Code);
        b.Property(r => r.Code).HasMaxLength(13);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.ParentCode).HasMaxLength(13);
        b.Property(r => r.Level).HasConversion<int>();
        b.HasIndex(r => r.ParentCode);
        b.Ignore(r => r.IsKelurahan);
    }
}

internal sealed class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.TenantCode, a.Code }).IsUnique();
        b.Property(a => a.Code).HasMaxLength(40);
        b.Property(a => a.ShortName).HasMaxLength(80);
        b.Property(a => a.Name).HasMaxLength(200);
        b.Property(a => a.Npp).HasMaxLength(20);
        b.Property(a => a.RegionCode).HasMaxLength(13);
        b.ToTable(t => t.HasCheckConstraint("CK_Agencies_JkkRiskGroup", "\"JkkRiskGroup\" BETWEEN 1 AND 5"));
    }
}

internal sealed class WorkerCategoryConfiguration : IEntityTypeConfiguration<WorkerCategory>
{
    public void Configure(EntityTypeBuilder<WorkerCategory> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => new { c.TenantCode, c.Code }).IsUnique();
        b.Property(c => c.Code).HasMaxLength(40);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Scheme).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.DefaultPrograms).HasMaxLength(40);
        b.Property(c => c.OptionalPrograms).HasMaxLength(40);
        b.Property(c => c.FundingSource).HasMaxLength(40);
        b.Property(c => c.BpjsParticipationCode).HasMaxLength(4);
        b.Property(c => c.BudgetAccountCode).HasMaxLength(60);
        b.Property(c => c.Notes).HasMaxLength(1000);
    }
}
