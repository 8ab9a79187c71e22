namespace Lindung.Core.MasterData;

/// <summary>The reference CSV files shipped inside this assembly (see NOTICE for their sources).</summary>
public static class ReferenceFiles
{
    public const string Regions = "wilayah-kemendagri-2025.csv";
    public const string Agencies = "opd-oku-selatan.csv";
    public const string Categories = "kategori-pekerja.csv";

    public static Stream Open(string name) =>
        typeof(ReferenceFiles).Assembly.GetManifestResourceStream("Lindung.MasterData." + name)
        ?? throw new InvalidOperationException($"Embedded reference file {name} is missing.");

    /// <summary>Reads a small comma-separated file with a header and double-quoted fields.</summary>
    public static IEnumerable<Dictionary<string, string>> ReadCsv(string name)
    {
        using var reader = new StreamReader(Open(name));
        var header = ParseLine(reader.ReadLine() ?? "");
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = ParseLine(line);
            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < header.Count; i++)
            {
                row[header[i]] = i < cells.Count ? cells[i] : "";
            }

            yield return row;
        }
    }

    internal static List<string> ParseLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return cells;
    }
}
