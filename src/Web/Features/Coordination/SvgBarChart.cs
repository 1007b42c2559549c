using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Training.Web.Features.Coordination;

/// <summary>
/// A horizontal bar chart drawn on the server as SVG: no script, readable without colour (each bar carries
/// its value as text), named for screen readers by its title; the page shows the same figures as a table.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 640, LabelWidth = 230, ValueWidth = 70, RowHeight = 30, BarHeight = 18;

    public sealed record Bar(string Label, double Value, string Text);

    public static IHtmlContent Render(string id, string title, IReadOnlyList<Bar> bars, double max)
    {
        var height = Math.Max(1, bars.Count) * RowHeight + 10;
        var room = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" id=\"{id}\" role=\"img\" aria-labelledby=\"{id}-title\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\">")
            .Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">{Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 5 + i * RowHeight;
            var length = max <= 0 ? 0 : Math.Round(room * Math.Clamp(bar.Value / max, 0, 1), 1);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 8}\" y=\"{y + BarHeight - 4}\" text-anchor=\"end\" class=\"chart__label\">{Encode(Shorten(bar.Label))}</text>")
                .Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{length}\" height=\"{BarHeight}\" class=\"chart__bar\"></rect>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + length + 6}\" y=\"{y + BarHeight - 4}\" class=\"chart__value\">{Encode(bar.Text)}</text>");
        }
        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static string Shorten(string label) => label.Length <= 30 ? label : label[..29] + "…";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
