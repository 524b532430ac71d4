using ClosedXML.Excel;
using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Privacy;

/// <summary>A person's data as a workbook anyone can open: a first sheet saying what it is, then one sheet per kind of record.</summary>
public static class PersonalDataFile
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    // Excel holds at most 32 767 characters in a cell; the JSON export has every character.
    private const int MaxCellChars = 32_767;

    public static string FileName(PersonalDataExport export)
    {
        ArgumentNullException.ThrowIfNull(export);
        return $"personal-data-{export.GeneratedAt:yyyy-MM-dd}.xlsx";
    }

    public static byte[] Excel(PersonalDataExport export, Language language)
    {
        ArgumentNullException.ThrowIfNull(export);
        var t = PersonalDataTexts.For(language);
        using var workbook = new XLWorkbook();
        var about = workbook.AddWorksheet(t.AboutSheet);
        about.Cell(1, 1).SetValue(t.Title);
        about.Cell(1, 1).Style.Font.Bold = true;
        about.Cell(2, 1).SetValue(t.Person);
        about.Cell(2, 2).SetValue(export.Name is null ? export.PersonId : $"{export.Name} <{export.PersonId}>");
        about.Cell(3, 1).SetValue(t.Generated);
        about.Cell(3, 2).SetValue(export.GeneratedAt.ToString("u", language.Culture()));
        about.Cell(5, 1).SetValue(t.Kind);
        about.Cell(5, 2).SetValue(t.Count);
        about.Range(5, 1, 5, 2).Style.Font.Bold = true;
        var line = 6;
        foreach (var kind in export.ByKind)
        {
            about.Cell(line, 1).SetValue(t.KindName(kind.Key));
            about.Cell(line, 2).SetValue(kind.Count());
            line++;
            Sheet(workbook.AddWorksheet(SheetName(t.KindName(kind.Key))), kind.ToList(), t);
        }

        about.Column(1).Width = 36;
        about.Column(2).Width = 48;
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    private static void Sheet(IXLWorksheet sheet, List<Infrastructure.Storage.PersonalRecord> records, PersonalDataTexts t)
    {
        var columns = records.SelectMany(r => r.Fields.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        sheet.Cell(1, 1).SetValue(t.Where);
        for (var c = 0; c < columns.Count; c++)
        {
            sheet.Cell(1, c + 2).SetValue(columns[c]);
        }

        sheet.Row(1).Style.Font.Bold = true;
        for (var r = 0; r < records.Count; r++)
        {
            sheet.Cell(r + 2, 1).SetValue($"{records[r].Table}/{records[r].Key}");
            for (var c = 0; c < columns.Count; c++)
            {
                if (records[r].Fields.TryGetValue(columns[c], out var value))
                {
                    // SetValue with a string keeps it text: a value starting with "=" is never read as a formula.
                    sheet.Cell(r + 2, c + 2).SetValue(value.Length > MaxCellChars ? value[..(MaxCellChars - 1)] + "…" : value);
                }
            }
        }

        sheet.SheetView.FreezeRows(1);
        sheet.Column(1).Width = 40;
    }

    // Excel allows 31 characters and none of : \ / ? * [ ] in a sheet's name.
    private static string SheetName(string name)
    {
        var clean = new string([.. name.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? ' ' : c)]);
        return clean.Length > 31 ? clean[..31] : clean;
    }
}
