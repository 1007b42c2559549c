namespace Training.Web.Features.Exports;

public enum ExportFormat { Csv, Xlsx }

/// <summary>
/// One list as an export: localised column headings and its rows, read one at a time as the response is
/// written. A cell is text, a number (<see cref="int"/>, <see cref="decimal"/>), a date
/// (<see cref="DateTime"/> in UTC, <see cref="DateOnly"/>) or null.
/// </summary>
/// <param name="FileName">Without extension; ASCII, it becomes the download's name.</param>
public sealed record ExportTable(string FileName, IReadOnlyList<string> Headings, IAsyncEnumerable<object?[]> Rows);
