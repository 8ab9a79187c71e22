using Lindung.Core.Api;
using Lindung.Core.MasterData;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.HasKey(c => c.Id);
        // Tokens are looked up by hash before the tenant is known: unique across all tenants.
        b.HasIndex(c => c.TokenHash).IsUnique();
        b.HasIndex(c => new { c.TenantCode, c.Name });
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.TokenHash).HasMaxLength(32).HasAnnotation(LindungDbContext.SensitiveAnnotation, true);
        b.Property(c => c.TokenPrefix).HasMaxLength(16);
        b.Property(c => c.CreatedBy).HasMaxLength(256);
        b.Ignore(c => c.IsActive);
        b.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
    }
}
