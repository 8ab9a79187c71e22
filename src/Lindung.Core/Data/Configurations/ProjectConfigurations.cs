using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class ConstructionProjectConfiguration : IEntityTypeConfiguration<ConstructionProject>
{
    public void Configure(EntityTypeBuilder<ConstructionProject> b)
    {
        b.HasKey(p => p.Id);
        // Idempotent import and the form both key a project by its contract number within the tenant.
        b.HasIndex(p => new { p.TenantCode, p.ContractNumber }).IsUnique();
        b.HasIndex(p => new { p.TenantCode, p.AgencyId, p.SpkDate });
        b.Property(p => p.ContractNumber).HasMaxLength(100);
        b.Property(p => p.PackageName).HasMaxLength(300);
        b.Property(p => p.Contractor).HasMaxLength(200);
        b.Property(p => p.DistrictCode).HasMaxLength(13);
        b.Property(p => p.VillageCode).HasMaxLength(13);
        b.Property(p => p.FundingSource).HasMaxLength(40);
        b.Property(p => p.RegistrationNumber).HasMaxLength(60);
        b.Property(p => p.CertificateFileName).HasMaxLength(200);
        b.Property(p => p.Notes).HasMaxLength(1000);
        b.Ignore(p => p.IsRegistered);
        b.Ignore(p => p.HasCertificate);
        b.HasOne<Agency>().WithMany().HasForeignKey(p => p.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.TermPayments).WithOne().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProjectTermPaymentConfiguration : IEntityTypeConfiguration<ProjectTermPayment>
{
    public void Configure(EntityTypeBuilder<ProjectTermPayment> b)
    {
        b.HasKey(t => t.Id);
        b.HasIndex(t => t.ProjectId);
        b.Property(t => t.Note).HasMaxLength(300);
    }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> b)
    {
        b.HasKey(h => h.Id);
        b.HasIndex(h => new { h.TenantCode, h.Date }).IsUnique();
        b.Property(h => h.Name).HasMaxLength(200);
    }
}
