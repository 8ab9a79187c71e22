using System.Text;

namespace Lindung.Core.Registry.Validation;

public enum WorkerField
{
    Nik,
    Name,
    BirthPlace,
    BirthDate,
    Sex,
    Address,
    Village,
    District,
    Phone,
    Wage,
    Income,
    Category,
    Position,
    Nip,
    StartDate,
    Kpj,
    Agency,
}

/// <summary>
/// Maps a header row to fields through Indonesian synonyms, ignoring case, spaces and punctuation
/// ("No. KTP" = "NO KTP" = "nomor ktp"). NIK and name are required; a birth date may come from the NIK.
/// </summary>
public sealed class HeaderMap
{
    private static readonly Dictionary<string, WorkerField> Synonyms = Build(new()
    {
        [WorkerField.Nik] = ["NIK", "No KTP", "Nomor KTP", "No. KTP", "Nomor Induk Kependudukan", "NIK KTP"],
        [WorkerField.Name] = ["Nama", "Nama Lengkap", "Nama Pekerja", "Nama Sesuai KTP", "Nama Peserta"],
        [WorkerField.BirthPlace] = ["Tempat Lahir", "Tmp Lahir", "Tmpt Lahir"],
        [WorkerField.BirthDate] = ["Tgl Lahir", "Tanggal Lahir", "Tgl. Lahir", "Tgl_Lahir"],
        [WorkerField.Sex] = ["JK", "L/P", "Jenis Kelamin", "Kelamin"],
        [WorkerField.Address] = ["Alamat", "Alamat Lengkap"],
        [WorkerField.Village] = ["Desa", "Kelurahan", "Desa/Kelurahan", "Desa/Kel"],
        [WorkerField.District] = ["Kecamatan", "Kec"],
        [WorkerField.Phone] = ["No HP", "No. HP", "Nomor HP", "HP", "Telepon", "No Telp", "No. Telp", "Nomor Telepon"],
        [WorkerField.Wage] = ["Upah", "Gaji", "Honor", "Honorarium", "Siltap"],
        [WorkerField.Income] = ["Penghasilan", "Penghasilan Per Bulan"],
        [WorkerField.Category] = ["Kategori", "Pekerjaan", "Profesi", "Kategori Pekerja"],
        [WorkerField.Position] = ["Jabatan", "Posisi"],
        [WorkerField.Nip] = ["NIP"],
        [WorkerField.StartDate] = ["TMT", "Tanggal Mulai", "Mulai", "Tgl Mulai"],
        [WorkerField.Kpj] = ["KPJ", "No KPJ", "Nomor KPJ"],
        [WorkerField.Agency] = ["OPD", "Kode OPD", "Unit Kerja"],
    });

    public IReadOnlyDictionary<WorkerField, int> Columns { get; }

    public IReadOnlyList<string> Unknown { get; }

    public IReadOnlyList<WorkerField> MissingRequired { get; }

    private HeaderMap(Dictionary<WorkerField, int> columns, List<string> unknown)
    {
        Columns = columns;
        Unknown = unknown;
        MissingRequired = new[] { WorkerField.Nik, WorkerField.Name }.Where(f => !columns.ContainsKey(f)).ToList();
    }

    public static HeaderMap From(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<WorkerField, int>();
        var unknown = new List<string>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (headers[i].Trim().Length == 0)
            {
                continue;
            }

            if (Synonyms.TryGetValue(Key(headers[i]), out var field))
            {
                columns.TryAdd(field, i);
            }
            else
            {
                unknown.Add(headers[i].Trim());
            }
        }

        return new HeaderMap(columns, unknown);
    }

    /// <summary>Fields' display names for "missing column" messages.</summary>
    public static string DisplayName(WorkerField field) => field switch
    {
        WorkerField.Nik => "NIK",
        WorkerField.Name => "Nama",
        _ => field.ToString(),
    };

    /// <summary>A header as compared: letters and digits only, upper case ("No. KTP" → "NOKTP").</summary>
    public static string Key(string header)
    {
        var sb = new StringBuilder();
        foreach (var c in header.Trim().TrimStart('\uFEFF'))
        {
            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static Dictionary<string, WorkerField> Build(Dictionary<WorkerField, string[]> synonyms)
    {
        var map = new Dictionary<string, WorkerField>(StringComparer.Ordinal);
        foreach (var (field, names) in synonyms)
        {
            foreach (var name in names)
            {
                map[Key(name)] = field;
            }
        }

        return map;
    }
}
