using System.Linq.Expressions;
using System.Text.Json;
using Lindung.Core.Agreements;
using Lindung.Core.Audit;
using Lindung.Core.Bpjs;
using Lindung.Core.Budget;
using Lindung.Core.Claims;
using Lindung.Core.Contributions;
using Lindung.Core.Coverage;
using Lindung.Core.Identity;
using Lindung.Core.MasterData;
using Lindung.Core.Projects;
using Lindung.Core.Registry;
using Lindung.Core.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lindung.Core.Data;

/// <summary>
/// The one DbContext. Every <see cref="ITenantOwned"/> entity is filtered by the current actor's tenant,
/// every <see cref="IStamped"/> entity is stamped and every <see cref="IAudited"/> change writes an
/// <see cref="AuditEvent"/> in the same SaveChanges, so audit and change share one transaction.
/// </summary>
public class LindungDbContext(DbContextOptions<LindungDbContext> options, ICurrentActor actor, TimeProvider time)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<WorkerCategory> WorkerCategories => Set<WorkerCategory>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<Submission> Submissions => Set<Submission>();
    public DbSet<CoverageTarget> CoverageTargets => Set<CoverageTarget>();
    public DbSet<RegistryConflict> RegistryConflicts => Set<RegistryConflict>();
    public DbSet<BudgetScenario> BudgetScenarios => Set<BudgetScenario>();
    public DbSet<RateVersionRecord> RateVersions => Set<RateVersionRecord>();
    public DbSet<BpjsImport> BpjsImports => Set<BpjsImport>();
    public DbSet<BpjsStatus> BpjsStatuses => Set<BpjsStatus>();
    public DbSet<BpjsNikAlias> BpjsNikAliases => Set<BpjsNikAlias>();
    public DbSet<TenantSetting> TenantSettings => Set<TenantSetting>();
    public DbSet<CoverageSnapshot> CoverageSnapshots => Set<CoverageSnapshot>();

    // BPJS invoice comparison (issue 5)
    public DbSet<BpjsInvoice> BpjsInvoices => Set<BpjsInvoice>();
    public DbSet<BpjsInvoiceLine> BpjsInvoiceLines => Set<BpjsInvoiceLine>();
    // Construction projects (issue 6, proyek jasa konstruksi).
    public DbSet<ConstructionProject> ConstructionProjects => Set<ConstructionProject>();
    public DbSet<ProjectTermPayment> ProjectTermPayments => Set<ProjectTermPayment>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    // Agreements (PKS/Perbup), handovers, incidents and claims (issue 6; docs/agreements-and-claims.md).
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementHandover> AgreementHandovers => Set<AgreementHandover>();
    public DbSet<HandoverRecipient> HandoverRecipients => Set<HandoverRecipient>();
    public DbSet<Incident> Incidents => Set<Incident>();
    public DbSet<Claim> Claims => Set<Claim>();
    public DbSet<ClaimDocument> ClaimDocuments => Set<ClaimDocument>();
    public DbSet<Heir> Heirs => Set<Heir>();
    public DbSet<Scholarship> Scholarships => Set<Scholarship>();

    // HTTP API clients (issue 7, /api/v1).
    public DbSet<Lindung.Core.Api.ApiClient> ApiClients => Set<Lindung.Core.Api.ApiClient>();

    // Privacy (UU 27/2022 PDP): who was in each BPJS registration file, and suspected breaches (docs/privacy.md).
    public DbSet<RegistrationExportBatch> RegistrationExportBatches => Set<RegistrationExportBatch>();
    public DbSet<RegistrationExportItem> RegistrationExportItems => Set<RegistrationExportItem>();
    public DbSet<Lindung.Core.Privacy.BreachIncident> BreachIncidents => Set<Lindung.Core.Privacy.BreachIncident>();
    // UU PDP correction/deletion requests and the retention job (issue 7; docs/privacy-requests.md).
    public DbSet<Lindung.Core.Privacy.PersonalDataRequest> PersonalDataRequests => Set<Lindung.Core.Privacy.PersonalDataRequest>();
    public DbSet<Lindung.Core.Privacy.RetentionRun> RetentionRuns => Set<Lindung.Core.Privacy.RetentionRun>();

    public ICurrentActor Actor => actor;

    public TimeProvider Time => time;

    /// <summary>Read by the query filters at query time; null matches no row.</summary>
    public string? CurrentTenantCode => actor.TenantCode;

    public bool IsPostgres => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        if (Database.IsSqlite())
        {
            // 16 bytes instead of 36 characters of text (GuidBlob).
            configurationBuilder.Properties<Guid>().HaveConversion<GuidBlob.Converter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LindungDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(ITenantOwned).IsAssignableFrom(entity.ClrType))
            {
                builder.Entity(entity.ClrType).HasQueryFilter(TenantFilter(entity.ClrType));
                builder.Entity(entity.ClrType).Property(nameof(ITenantOwned.TenantCode)).HasMaxLength(13).IsRequired();
                // A plain tenant index only where no other index already leads with the tenant (each index costs writes).
                if (!entity.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.TenantCode)))
                {
                    builder.Entity(entity.ClrType).HasIndex(nameof(ITenantOwned.TenantCode));
                }
            }
        }
    }

    private LambdaExpression TenantFilter(Type type)
    {
        // e => e.TenantCode == this.CurrentTenantCode; EF turns the context member into a parameter.
        var e = Expression.Parameter(type, "e");
        var body = Expression.Equal(
            Expression.Property(e, nameof(ITenantOwned.TenantCode)),
            Expression.Property(Expression.Constant(this), nameof(CurrentTenantCode)));
        return Expression.Lambda(body, e);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>Adds an audit event for a sensitive read or an action that is not an entity change.</summary>
    public AuditEvent Audit(string action, string? entityType = null, string? entityId = null, string? detail = null,
        string? tenantCode = null)
    {
        var ev = new AuditEvent
        {
            TenantCode = tenantCode ?? actor.TenantCode ?? "",
            At = time.GetUtcNow().UtcDateTime,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Detail = detail,
        };
        AuditEvents.Add(ev);
        return ev;
    }

    private void PrepareForSave()
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pending = new List<AuditEvent>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is ITenantOwned owned)
            {
                GuardTenant(entry, owned);
            }

            if (entry.Entity is IStamped stamped)
            {
                if (entry.State == EntityState.Added)
                {
                    stamped.CreatedAt = now;
                }

                if (entry.State is EntityState.Added or EntityState.Modified)
                {
                    stamped.ModifiedAt = now;
                }
            }

            if (entry.Entity is IAudited audited)
            {
                var ev = AuditFor(entry, audited, now);
                if (ev is not null)
                {
                    pending.Add(ev);
                }
            }
        }

        AuditEvents.AddRange(pending);
    }

    private void GuardTenant(EntityEntry entry, ITenantOwned owned)
    {
        if (entry.State == EntityState.Added && string.IsNullOrEmpty(owned.TenantCode))
        {
            owned.TenantCode = actor.TenantCode
                ?? throw new InvalidOperationException("A tenant-owned row was added without a current tenant.");
        }
        else if (actor.TenantCode is not null && owned.TenantCode != actor.TenantCode && entry.Entity is not AuditEvent)
        {
            throw new InvalidOperationException(
                $"Refusing to write a row of tenant {owned.TenantCode} while acting for tenant {actor.TenantCode}.");
        }
    }

    private AuditEvent? AuditFor(EntityEntry entry, IAudited audited, DateTime now)
    {
        string? before = null, after = null;
        string action;
        switch (entry.State)
        {
            case EntityState.Added:
                action = AuditActions.Created;
                after = Snapshot(entry, current: true, onlyModified: false);
                break;
            case EntityState.Deleted:
                action = AuditActions.Deleted;
                before = Snapshot(entry, current: false, onlyModified: false);
                break;
            case EntityState.Modified:
                action = AuditActions.Updated;
                if (!entry.Properties.Any(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)
                        && p.Metadata.FindAnnotation(SensitiveAnnotation) is null
                        && p.Metadata.Name is not (nameof(IStamped.CreatedAt) or nameof(IStamped.ModifiedAt))))
                {
                    return null;
                }

                before = Snapshot(entry, current: false, onlyModified: true);
                after = Snapshot(entry, current: true, onlyModified: true);

                break;
            default:
                return null;
        }

        return new AuditEvent
        {
            TenantCode = (entry.Entity as ITenantOwned)?.TenantCode ?? actor.TenantCode ?? "",
            At = now,
            UserId = actor.UserId,
            UserName = actor.UserName,
            IpAddress = actor.IpAddress,
            Action = action,
            EntityType = entry.Metadata.ClrType.Name,
            EntityId = audited.Id.ToString(),
            Before = before,
            After = after,
        };
    }

    private static string Snapshot(EntityEntry entry, bool current, bool onlyModified) =>
        AuditSnapshot(entry.Properties
            .Where(p => !onlyModified || (p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)))
            .Select(p => ((IReadOnlyProperty)p.Metadata, current ? p.CurrentValue : p.OriginalValue)));

    /// <summary>
    /// The JSON an audit event holds for these property values — exactly what SaveChanges writes, for code that
    /// changes rows in bulk (<see cref="BulkUpdate"/>) and writes the events itself: stamps, the tenant and
    /// sensitive properties left out, personal data named with <see cref="PersonalMarker"/> instead of its value.
    /// </summary>
    public static string AuditSnapshot(IEnumerable<(IReadOnlyProperty Property, object? Value)> values)
    {
        var sorted = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (p, value) in values)
        {
            var name = p.Name;
            if (name is nameof(IStamped.CreatedAt) or nameof(IStamped.ModifiedAt) or nameof(ITenantOwned.TenantCode)
                || p.FindAnnotation(SensitiveAnnotation) is not null)
            {
                continue;
            }

            // Personal data: the trail says which field changed, never its value (UU PDP; an erasure must not
            // leave the person behind in history that is never rewritten).
            sorted[name] = p.FindAnnotation(PersonalAnnotation) is not null ? PersonalMarker : value;
        }

        return JsonSerializer.Serialize(sorted, AuditJson);
    }

    // Enum names, not numbers, so the trail reads "Rejected" rather than 2.
    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Properties carrying this annotation are never copied into an audit event.</summary>
    public const string SensitiveAnnotation = "Lindung:Sensitive";

    /// <summary>
    /// Personal data (UU PDP): the audit event names the property when it is set or changed, with
    /// <see cref="PersonalMarker"/> in place of the value.
    /// </summary>
    public const string PersonalAnnotation = "Lindung:Personal";

    public const string PersonalMarker = "•••";
}
