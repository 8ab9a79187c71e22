using Lindung.Core.Bpjs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lindung.Core.Data.Configurations;

internal sealed class BpjsInvoiceConfiguration : IEntityTypeConfiguration<BpjsInvoice>
{
    public void Configure(EntityTypeBuilder<BpjsInvoice> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.Period).HasMaxLength(7);
        b.Property(i => i.FileName).HasMaxLength(260);
        b.Property(i => i.FileHash).HasMaxLength(64);
        b.Property(i => i.Reference).HasMaxLength(100);
        b.HasIndex(i => new { i.TenantCode, i.Period }).IsUnique();
    }
}

internal sealed class BpjsInvoiceLineConfiguration : IEntityTypeConfiguration<BpjsInvoiceLine>
{
    public void Configure(EntityTypeBuilder<BpjsInvoiceLine> b)
    {
        b.HasKey(l => l.Id);
        b.Property(l => l.Kpj).HasMaxLength(20);
        b.Property(l => l.NikHash).HasMaxLength(32);
        b.Property(l => l.NikMasked).HasMaxLength(20);
        b.Property(l => l.Name).HasMaxLength(200);
        b.HasIndex(l => new { l.TenantCode, l.InvoiceId });
        b.HasOne<BpjsInvoice>().WithMany().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
    }
}
