using Lindung.Core.Formatting;

namespace Lindung.Core.Backup;

/// <summary>Why an archive cannot be restored, for the operator: <see cref="CoreMessage"/>s keyed by the member's name.</summary>
public static class BackupMessages
{
    public static CoreMessage NotAnArchive => new("Backup" + nameof(NotAnArchive));

    public static CoreMessage UnsupportedVersion(int version, int supported) => new("Backup" + nameof(UnsupportedVersion), version, supported);

    public static CoreMessage HeaderTampered => new("Backup" + nameof(HeaderTampered));

    public static CoreMessage Truncated => new("Backup" + nameof(Truncated));

    public static CoreMessage WrongPassphraseOrTampered => new("Backup" + nameof(WrongPassphraseOrTampered));

    public static CoreMessage LastChunkFailed => new("Backup" + nameof(LastChunkFailed));

    public static CoreMessage ChunkFailed(long number) => new("Backup" + nameof(ChunkFailed), number);

    public static CoreMessage DataAfterLastChunk => new("Backup" + nameof(DataAfterLastChunk));

    public static CoreMessage TargetNotEmpty(string existing, string asidePrefix) => new("Backup" + nameof(TargetNotEmpty), existing, asidePrefix);

    public static CoreMessage KeyMismatch => new("Backup" + nameof(KeyMismatch));

    public static CoreMessage SqliteIntoPostgres => new("Backup" + nameof(SqliteIntoPostgres));

    public static CoreMessage KeysOnly => new("Backup" + nameof(KeysOnly));

    /// <summary>The archive's contents are not what a Lindung backup holds; <paramref name="detail"/> says what (a message or the reader's own text).</summary>
    public static CoreMessage Malformed(object detail) => new("Backup" + nameof(Malformed), detail);

    public static CoreMessage EntryTwice(string name) => new("Backup" + nameof(EntryTwice), name);

    public static CoreMessage EntryUnknown(string name) => new("Backup" + nameof(EntryUnknown), name);

    public static CoreMessage ManifestMissing => new("Backup" + nameof(ManifestMissing));

    public static CoreMessage ContentsDifferFromManifest => new("Backup" + nameof(ContentsDifferFromManifest));

    public static CoreMessage NikKeyMissing => new("Backup" + nameof(NikKeyMissing));

    public static CoreMessage DatabaseDamaged => new("Backup" + nameof(DatabaseDamaged));

    public static CoreMessage NotALindungDatabase => new("Backup" + nameof(NotALindungDatabase));
}
