using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Training.Web.Features.Accounts;

/// <summary>
/// A QR code as an inline SVG: one path of black runs on a white square, no script or style, so it needs no
/// request of its own and passes the site's content security policy. Read by authenticator apps on a screen.
/// </summary>
public static class QrCodeSvg
{
    /// <param name="title">The text alternative, spoken by screen readers (the SVG's title).</param>
    public static string Render(string text, string title, string titleId)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix; // includes the four-module quiet zone
        var size = modules.Count.ToString(CultureInfo.InvariantCulture);
        var path = new StringBuilder();
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules[row].Count;)
            {
                if (!modules[row][column])
                {
                    column++;
                    continue;
                }
                var start = column;
                while (column < modules[row].Count && modules[row][column])
                {
                    column++;
                }
                path.Append(CultureInfo.InvariantCulture, $"M{start} {row}h{column - start}v1h-{column - start}z");
            }
        }
        return $"""<svg xmlns="http://www.w3.org/2000/svg" class="qr-code" viewBox="0 0 {size} {size}" width="{modules.Count * 5}" height="{modules.Count * 5}" role="img" aria-labelledby="{WebUtility.HtmlEncode(titleId)}" shape-rendering="crispEdges"><title id="{WebUtility.HtmlEncode(titleId)}">{WebUtility.HtmlEncode(title)}</title><rect width="{size}" height="{size}" fill="#fff"/><path fill="#000" d="{path}"/></svg>""";
    }
}
