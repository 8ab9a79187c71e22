using Lindung.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        // Users are looked up by name before a tenant is known, so they carry the tenant but are not
        // filtered by it; pages that list users filter explicitly.
        b.Property(u => u.TenantCode).HasMaxLength(13);
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasIndex(u => u.TenantCode);
    }
}
