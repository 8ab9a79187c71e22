using Lindung.Core.Agreements;
using Lindung.Core.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.Number).HasMaxLength(120);
        b.Property(a => a.Parties).HasMaxLength(500);
        b.Property(a => a.Categories).HasMaxLength(500);
        b.Property(a => a.Programs).HasMaxLength(60);
        b.Property(a => a.FundingSources).HasMaxLength(200);
        b.Property(a => a.PerbupNumber).HasMaxLength(120);
        b.Property(a => a.PerbupTitle).HasMaxLength(500);
        b.Property(a => a.DocumentName).HasMaxLength(255);
        b.Property(a => a.Notes).HasMaxLength(2000);
        b.HasIndex(a => new { a.TenantCode, a.ValidTo });
        // One successor per version: a renewal cannot be made twice, even by two people at once.
        b.HasIndex(a => a.PreviousVersionId).IsUnique();
        b.HasOne<Agreement>().WithMany().HasForeignKey(a => a.PreviousVersionId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Handovers).WithOne().HasForeignKey(h => h.AgreementId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgreementHandoverConfiguration : IEntityTypeConfiguration<AgreementHandover>
{
    public void Configure(EntityTypeBuilder<AgreementHandover> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Place).HasMaxLength(200);
        b.Property(h => h.Note).HasMaxLength(2000);
        b.HasMany(h => h.Recipients).WithOne().HasForeignKey(r => r.HandoverId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HandoverRecipientConfiguration : IEntityTypeConfiguration<HandoverRecipient>
{
    public void Configure(EntityTypeBuilder<HandoverRecipient> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(200).IsPersonal();
        b.HasIndex(r => r.PersonId);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(i => i.Place).HasMaxLength(300).IsPersonal();
        b.Property(i => i.Description).HasMaxLength(4000).IsPersonal();
        b.Property(i => i.RecordedBy).HasMaxLength(100);
        b.HasIndex(i => new { i.TenantCode, i.AgencyId, i.OccurredOn });
        b.HasIndex(i => i.PersonId);
        b.HasOne<Lindung.Core.Registry.Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Lindung.Core.Registry.Engagement>().WithMany().HasForeignKey(i => i.EngagementId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.Claim).WithOne(c => c.Incident).HasForeignKey<Claim>(c => c.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimConfiguration : IEntityTypeConfiguration<Claim>
{
    public void Configure(EntityTypeBuilder<Claim> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Program).HasMaxLength(10);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.StatusNote).HasMaxLength(1000).IsPersonal();
        b.HasIndex(c => c.IncidentId).IsUnique();
        b.HasIndex(c => new { c.TenantCode, c.Status, c.PaidOn });
        b.HasMany(c => c.Documents).WithOne().HasForeignKey(d => d.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Heirs).WithOne().HasForeignKey(h => h.ClaimId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Scholarships).WithOne().HasForeignKey(s => s.ClaimId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ClaimDocumentConfiguration : IEntityTypeConfiguration<ClaimDocument>
{
    public void Configure(EntityTypeBuilder<ClaimDocument> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        b.HasIndex(d => new { d.ClaimId, d.Kind }).IsUnique();
    }
}

internal sealed class HeirConfiguration : IEntityTypeConfiguration<Heir>
{
    public void Configure(EntityTypeBuilder<Heir> b)
    {
        b.HasKey(h => h.Id);
        b.Property(h => h.Name).HasMaxLength(200).IsPersonal();
        b.Property(h => h.Relationship).HasMaxLength(60);
        b.Property(h => h.Phone).HasMaxLength(20).IsPersonal();
        b.HasIndex(h => h.ClaimId);
    }
}

internal sealed class ScholarshipConfiguration : IEntityTypeConfiguration<Scholarship>
{
    public void Configure(EntityTypeBuilder<Scholarship> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.ChildName).HasMaxLength(200).IsPersonal();
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.SchoolYear).HasMaxLength(9);
        b.HasIndex(s => s.ClaimId);
    }
}
