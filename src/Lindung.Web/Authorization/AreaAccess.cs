using Lindung.Core.Identity;
using static Lindung.Core.Identity.Roles;

namespace Lindung.Web.Authorization;

/// <summary>
/// Which roles may open each area (page folder) of the web app (PRODUCT §2). Deny by default: a folder
/// missing here gets no role at all, and the page×role test fails for any page it does not know.
/// Write rights inside an area are checked per handler; record-level rules (an Operator OPD's own OPD)
/// are checked where the record is loaded.
/// </summary>
public static class AreaAccess
{
    public static readonly IReadOnlyDictionary<string, string[]> Folders = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["/Dasbor"] = [.. Roles.All],
        ["/Pekerja"] = [Administrator, Koordinator, OperatorOpd, Keuangan, Perencana, Auditor],
        ["/Pengajuan"] = [Administrator, Koordinator, OperatorOpd, Keuangan, Perencana, Auditor],
        ["/Bpjs"] = [Administrator, Koordinator, Keuangan, Perencana, Auditor],
        ["/Iuran"] = [.. Roles.All],
        ["/Anggaran"] = [Administrator, Koordinator, Keuangan, Perencana, Pimpinan, Auditor],
        ["/Proyek"] = [.. Roles.All],
        ["/Perjanjian"] = [Administrator, Koordinator, Keuangan, Perencana, Pimpinan, Auditor],
        ["/Klaim"] = [.. Roles.All],
        ["/Laporan"] = [.. Roles.All],
        ["/Admin"] = [Administrator],
        // The audit trail: Auditor (PRODUCT §2) and the Administrator who answers for the installation.
        ["/Audit"] = [Administrator, Auditor],
        // UU PDP correction/deletion requests: the roles that edit workers, and the Auditor (read). Requests hold
        // personal data, so not the read-only planning/finance roles.
        ["/Pekerja/Permintaan"] = [Administrator, Koordinator, OperatorOpd, Auditor],
    };

    /// <summary>
    /// Pages narrower than their folder; both rules apply. Cross-OPD views are not for an Operator OPD.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> Pages = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["/Iuran/Tagihan"] = [Administrator, Koordinator, Keuangan, Perencana, Pimpinan, Auditor],
        ["/Pengajuan/Verifikasi"] = [Administrator, Koordinator, Keuangan, Perencana, Auditor],
        ["/Pengajuan/Kelengkapan"] = [Administrator, Koordinator, Keuangan, Perencana, Auditor],
        ["/Pengajuan/Konflik"] = [Administrator, Koordinator, Keuangan, Perencana, Auditor],
        ["/Proyek/Ubah"] = [Administrator, Koordinator, OperatorOpd],
        ["/Proyek/Impor"] = [Administrator, Koordinator, OperatorOpd],
        ["/Pekerja/Permintaan/Catat"] = [Administrator, Koordinator, OperatorOpd],
    };

    public static string PolicyFor(string folderOrPage) => "Area:" + folderOrPage;

    /// <summary>Signed in with any Lindung role: account pages, the language switch.</summary>
    public const string AnyRole = "AnyRole";
}
