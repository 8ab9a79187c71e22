using Lindung.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.IpAddress).HasMaxLength(64);
        b.Property(e => e.Action).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(64);
        b.HasIndex(e => new { e.TenantCode, e.At });
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        // The audit search (issue 7): by action and period (e.g. every NIK reveal this month) without a scan.
        b.HasIndex(e => new { e.TenantCode, e.Action, e.At });
    }
}
