using Microsoft.AspNetCore.WebUtilities;

namespace Training.Web.Features.Exports;

/// <summary>The "Download CSV" and "Download Excel" links of a list, keeping its filters.</summary>
public sealed record ExportLinks(string Csv, string Xlsx)
{
    /// <param name="path">The export's address without extension, e.g. <c>/coordinate/people/export</c>.</param>
    public static ExportLinks For(string path, IEnumerable<KeyValuePair<string, string?>>? query = null)
    {
        var kept = (query ?? []).Where(v => !string.IsNullOrEmpty(v.Value)).ToList();
        return new ExportLinks(QueryHelpers.AddQueryString($"{path}.csv", kept), QueryHelpers.AddQueryString($"{path}.xlsx", kept));
    }
}
