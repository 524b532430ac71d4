using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;

namespace LeanTeamsApp.Features.Organisation.Import;

/// <summary>
/// Reads a units sheet saved from Excel (.xlsx): the first worksheet, a header row with the CSV sheet's column names,
/// one unit per row; the row number is the line in every error. A workbook is a zip file, so before it is opened its
/// entries are checked: a file that unpacks to far more than any units sheet (a zip bomb) is refused unread.
/// </summary>
internal static class XlsxImportReader
{
    /// <summary>50,000 units written out in full unpack to about 60 MB of sheet XML; four times that is plenty.</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>A units sheet saved from Excel has about a dozen parts; each costs the package reader time and memory.</summary>
    public const int MaxParts = 1_000;

    public static ImportSource Read(string fileName, byte[] bytes)
    {
        var source = new ImportSource(fileName);
        var errors = source.SyntaxErrors;
        if (Unpacked(bytes) is { } problem)
        {
            errors.Add(0, "(file)", problem);
            return source;
        }

        XLWorkbook workbook;
        try
        {
            workbook = new XLWorkbook(new MemoryStream(bytes, writable: false));
        }
        catch (Exception e) when (e is not (OperationCanceledException or OutOfMemoryException))
        {
            errors.Add(0, "(file)", ImportReasonKind.WorkbookUnreadable);
            return source;
        }

        using (workbook)
        {
            var sheet = workbook.Worksheets.FirstOrDefault();
            var rows = sheet?.RangeUsed()?.RowsUsed().ToList() ?? [];
            if (rows.Count == 0)
            {
                errors.Add(1, "(header)", ImportReasonKind.EmptyWorksheet);
                return source;
            }

            var header = rows[0];
            var columns = CsvImportReader.Header(errors, header.RowNumber(), header.CellsUsed().Select(cell => (cell.GetString().Trim(), cell.Address.ColumnNumber, cell.Address.ColumnNumber)));

            foreach (var row in rows.Skip(1))
            {
                if (errors.IsFull)
                {
                    break;
                }

                var line = row.RowNumber();
                var values = columns.Select(c => (c.Key, Text(row.Worksheet.Cell(line, c.Value)))).ToList();
                if (!CsvImportReader.AddRow(source, line, values))
                {
                    break;
                }
            }
        }

        return source;
    }

    /// <summary>
    /// A cell as the CSV sheet would hold it: text as typed; a date as 2026-10-05 and a time as 10:15, however Excel
    /// formats them; a number in invariant digits.
    /// </summary>
    private static string Text(IXLCell cell) => cell.DataType switch
    {
        XLDataType.DateTime when cell.GetDateTime() is var at && at.TimeOfDay == TimeSpan.Zero => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        XLDataType.DateTime => cell.GetDateTime() is var at && at.Date <= new DateTime(1900, 1, 1)
            ? at.ToString("HH:mm", CultureInfo.InvariantCulture)
            : at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        XLDataType.TimeSpan => cell.GetTimeSpan().ToString(@"hh\:mm", CultureInfo.InvariantCulture),
        XLDataType.Number => cell.GetDouble().ToString(CultureInfo.InvariantCulture),
        _ => cell.GetString().Trim(),
    };

    /// <summary>
    /// Why the zip is refused before it is opened, or null. Each part is unpacked and counted, not taken at the size its
    /// header declares (a header can lie), and counting stops at the limit: at most that much is ever unpacked.
    /// </summary>
    private static ImportReason? Unpacked(byte[] bytes)
    {
        var tooLarge = ImportReason.Of(ImportReasonKind.WorkbookTooLarge, MaxUnpackedBytes / 1024 / 1024);
        try
        {
            if (PartsAtLeast(bytes) > MaxParts)
            {
                return ImportReason.Of(ImportReasonKind.WorkbookTooManyParts, MaxParts);
            }

            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                if (total + entry.Length > MaxUnpackedBytes)
                {
                    return tooLarge;
                }

                using var part = entry.Open();
                int read;
                while ((read = part.Read(buffer)) > 0)
                {
                    total += read;
                    if (total > MaxUnpackedBytes)
                    {
                        return tooLarge;
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            return ImportReason.Of(ImportReasonKind.NotWorkbook);
        }
    }

    /// <summary>
    /// At least as many as the zip's parts, up to one past <see cref="MaxParts"/>, counted without opening it: a zip's
    /// directory is read whole, at some 900 bytes of memory a part (300,000 empty parts fit in the largest file taken),
    /// and every part's directory entry begins with this signature, whatever the zip's end record claims.
    /// </summary>
    private static int PartsAtLeast(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> directoryEntry = [0x50, 0x4b, 0x01, 0x02];
        var count = 0;
        while (count <= MaxParts && bytes.IndexOf(directoryEntry) is var at and >= 0)
        {
            count++;
            bytes = bytes[(at + directoryEntry.Length)..];
        }

        return count;
    }
}
