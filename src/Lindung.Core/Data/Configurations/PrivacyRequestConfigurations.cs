using Lindung.Core.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal static class PersonalDataConfiguration
{
    /// <summary>Marks a property as personal data: audit events name it but never copy its value.</summary>
    public static PropertyBuilder<T> IsPersonal<T>(this PropertyBuilder<T> property) =>
        property.HasAnnotation(LindungDbContext.PersonalAnnotation, true);
}

internal sealed class PersonalDataRequestConfiguration : IEntityTypeConfiguration<PersonalDataRequest>
{
    public void Configure(EntityTypeBuilder<PersonalDataRequest> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.Channel).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.Relation).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        b.Property(r => r.RequesterName).HasMaxLength(RequestWorkflow.MaxName).IsPersonal();
        b.Property(r => r.Details).HasMaxLength(RequestWorkflow.MaxDetails).IsPersonal();
        b.Property(r => r.RefusalReason).HasMaxLength(RequestWorkflow.MaxReason);
        b.Property(r => r.ChangedFields).HasMaxLength(300);
        b.Property(r => r.RecordedBy).HasMaxLength(256);
        b.Property(r => r.ProcessingBy).HasMaxLength(256);
        b.Property(r => r.DoneBy).HasMaxLength(256);
        b.Property(r => r.RefusedBy).HasMaxLength(256);
        b.HasOne<Lindung.Core.Registry.Person>().WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.TenantCode, r.Status });
        b.HasIndex(r => r.PersonId);
    }
}

internal sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(10);
        b.Property(r => r.RanBy).HasMaxLength(256);
        b.Property(r => r.LegalBasis).HasMaxLength(500);
        // Person ids only (≈ 39 characters each); a run over a whole regency stays well under PostgreSQL's text limit.
        b.Property(r => r.PersonIds);
        b.HasIndex(r => new { r.TenantCode, r.RanAt });
    }
}
