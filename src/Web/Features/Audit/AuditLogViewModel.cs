using System.Globalization;
using Microsoft.AspNetCore.Http;
using Training.Courses.Audit;

namespace Training.Web.Features.Audit;

/// <summary>The admin's audit log page: the filters as typed, one page of entries, and the action names.</summary>
public sealed record AuditLogViewModel(
    AuditFilter Filter,
    AuditPage Results,
    IReadOnlyDictionary<string, string> ActionNames,
    bool DatesInvalid)
{
    public string ActionName(string action) => ActionNames.TryGetValue(action, out var name) ? name : action;

    /// <summary>The query string of another page with the same filters, so paging keeps them.</summary>
    public string QueryFor(int page)
    {
        var values = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(Filter.Person)) values.Add(new("person", Filter.Person));
        if (!string.IsNullOrWhiteSpace(Filter.Action)) values.Add(new("activity", Filter.Action));
        if (Filter.From is { } from) values.Add(new("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        if (Filter.To is { } to) values.Add(new("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        values.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        return QueryString.Create(values).ToUriComponent();
    }
}
