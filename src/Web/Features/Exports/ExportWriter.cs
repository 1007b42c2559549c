using System.Globalization;
using CsvHelper;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Training.Web.Features.Exports;

/// <summary>
/// Writes an <see cref="ExportTable"/> as CSV (CsvHelper) or XLSX (MiniExcel) straight to a stream, row by
/// row as the rows arrive, so an export of any length holds one row in memory, not the list.
/// </summary>
public static class ExportWriter
{
    // OWASP's CSV injection list: a spreadsheet runs a cell starting with one of these as a formula.
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    /// <summary>
    /// Text a spreadsheet shows as text: a leading apostrophe before a cell that would start a formula.
    /// Both formats use it, so a name like <c>=HYPERLINK(...)</c> reads the same in either.
    /// </summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    public static Task WriteAsync(Stream destination, ExportFormat format, ExportTable table, CancellationToken cancellationToken) =>
        format == ExportFormat.Csv
            ? WriteCsvAsync(destination, table, cancellationToken)
            : WriteXlsxAsync(destination, table, cancellationToken);

    private static async Task WriteCsvAsync(Stream destination, ExportTable table, CancellationToken cancellationToken)
    {
        // The byte order mark makes Excel read UTF-8 (accents, Arabic, Cyrillic names) instead of the local code page.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true };
        await using var csv = CsvWriter.Create(destination, options, leaveOpen: true);
        await csv.WriteRecordAsync([.. table.Headings.Select(Neutralise)], cancellationToken);
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            await csv.WriteRecordAsync([.. row.Select(CsvText)], cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }

    private static string? CsvText(object? cell) => cell switch
    {
        null => null,
        string text => Neutralise(text),
        DateTime at => at.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable value => value.ToString(null, CultureInfo.InvariantCulture),
        _ => Neutralise(cell.ToString() ?? ""),
    };

    private static async Task WriteXlsxAsync(Stream destination, ExportTable table, CancellationToken cancellationToken)
    {
        // MiniExcel takes its columns from the first row's keys: the headings go in as that first row, so a
        // sheet with no rows still has them.
        var keys = Enumerable.Range(0, table.Headings.Count).Select(i => $"c{i}").ToArray();
        var configuration = new OpenXmlConfiguration { FastMode = false, EnableAutoWidth = false };
        await destination.SaveAsAsync(XlsxRows(keys, table, cancellationToken), printHeader: false, sheetName: "Export",
            excelType: ExcelType.XLSX, configuration: configuration, cancellationToken: cancellationToken);
    }

    private static async IAsyncEnumerable<Dictionary<string, object?>> XlsxRows(
        string[] keys, ExportTable table, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        yield return Row(keys, [.. table.Headings]);
        await foreach (var row in table.Rows.WithCancellation(cancellationToken))
        {
            yield return Row(keys, row);
        }
    }

    private static Dictionary<string, object?> Row(string[] keys, object?[] cells)
    {
        var row = new Dictionary<string, object?>(keys.Length);
        for (var i = 0; i < keys.Length; i++)
        {
            // Numbers and dates stay typed (Excel sorts and sums them); only text can start a formula.
            row[keys[i]] = i >= cells.Length ? null : cells[i] switch
            {
                string text => Neutralise(text),
                DateOnly day => day.ToDateTime(TimeOnly.MinValue),
                var other => other,
            };
        }
        return row;
    }
}
