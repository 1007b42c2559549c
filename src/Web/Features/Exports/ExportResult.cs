using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Training.Web.Features.Exports;

/// <summary>Streams an <see cref="ExportTable"/> to the response as a download, without buffering it.</summary>
public sealed class ExportResult(ExportTable table, ExportFormat format) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var response = context.HttpContext.Response;
        var extension = format == ExportFormat.Csv ? "csv" : "xlsx";
        response.ContentType = format == ExportFormat.Csv
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = $"{table.FileName}.{extension}" }.ToString();
        response.Headers.CacheControl = "no-store";
        if (format == ExportFormat.Xlsx)
        {
            // ZipArchive writes each entry's end and the central directory from Dispose, synchronously: a few
            // hundred bytes at the end of the file. The rows themselves are written asynchronously.
            context.HttpContext.Features.Get<IHttpBodyControlFeature>()?.AllowSynchronousIO = true;
        }
        await ExportWriter.WriteAsync(response.Body, format, table, context.HttpContext.RequestAborted);
    }
}
