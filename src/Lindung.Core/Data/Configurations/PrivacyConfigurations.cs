using Lindung.Core.Bpjs;
using Lindung.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class RegistrationExportBatchConfiguration : IEntityTypeConfiguration<RegistrationExportBatch>
{
    public void Configure(EntityTypeBuilder<RegistrationExportBatch> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TenantCode, x.At });
        b.Property(x => x.ExportedBy).HasMaxLength(256);
        b.Property(x => x.Format).HasMaxLength(8);
    }
}

internal sealed class RegistrationExportItemConfiguration : IEntityTypeConfiguration<RegistrationExportItem>
{
    public void Configure(EntityTypeBuilder<RegistrationExportItem> b)
    {
        b.HasKey(x => new { x.BatchId, x.EngagementId });
        // The subject report asks "which files held this person?".
        b.HasIndex(x => new { x.TenantCode, x.PersonId });
        // No foreign key to the person or engagement: the record of a disclosure outlives an erased registry row.
        b.HasOne<RegistrationExportBatch>().WithMany().HasForeignKey(x => x.BatchId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreachIncidentConfiguration : IEntityTypeConfiguration<BreachIncident>
{
    public void Configure(EntityTypeBuilder<BreachIncident> b)
    {
        b.HasKey(x => x.Id);
        b.HasIndex(x => new { x.TenantCode, x.DiscoveredAt });
        b.Property(x => x.Description).HasMaxLength(4000);
        b.Property(x => x.SuspectedUserName).HasMaxLength(256);
        b.Property(x => x.DataKinds).HasMaxLength(64);
        b.Property(x => x.RecordedBy).HasMaxLength(256);
        b.Property(x => x.ConfirmedBy).HasMaxLength(256);
        b.Property(x => x.NotifiedBy).HasMaxLength(256);
        b.Property(x => x.ClosedBy).HasMaxLength(256);
        b.Property(x => x.HandlingSteps).HasMaxLength(4000);
        b.Property(x => x.SubjectNoticeText).HasMaxLength(8000);
        b.Property(x => x.AgencyNoticeText).HasMaxLength(8000);
        b.Ignore(x => x.Kinds);
    }
}
