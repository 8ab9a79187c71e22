using System.Text.Json;
using Lindung.Core.Data;

namespace Lindung.Web.Infrastructure;

/// <summary>An uploaded file awaiting preview and commit, owned by one user of one tenant.</summary>
public sealed record PendingUpload(Guid Id, Guid UserId, string TenantCode, Guid AgencyId, Guid? CategoryId, string Period, string FileName);

/// <summary>
/// Uploaded files live under <c>data/uploads</c> until committed or abandoned; only their owner can reach
/// them (anyone else gets 404), and they are never served as static files.
/// </summary>
public sealed class UploadStore(DatabaseSettings settings)
{
    private string Dir => Path.Combine(settings.FullDataDirectory, "uploads");

    public async Task<PendingUpload> SaveAsync(Stream content, PendingUpload meta, CancellationToken ct)
    {
        Directory.CreateDirectory(Dir);
        await using (var file = File.Create(DataPath(meta.Id)))
        {
            await content.CopyToAsync(file, ct);
        }

        await File.WriteAllTextAsync(MetaPath(meta.Id), JsonSerializer.Serialize(meta), ct);
        return meta;
    }

    public PendingUpload? Find(Guid id, Guid userId, string? tenant)
    {
        if (!File.Exists(MetaPath(id)))
        {
            return null;
        }

        var meta = JsonSerializer.Deserialize<PendingUpload>(File.ReadAllText(MetaPath(id)));
        return meta is not null && meta.UserId == userId && meta.TenantCode == tenant ? meta : null;
    }

    public FileStream Open(Guid id) => new(DataPath(id), FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public void Delete(Guid id)
    {
        File.Delete(DataPath(id));
        File.Delete(MetaPath(id));
    }

    private string DataPath(Guid id) => Path.Combine(Dir, id.ToString("N") + ".bin");

    private string MetaPath(Guid id) => Path.Combine(Dir, id.ToString("N") + ".json");
}
