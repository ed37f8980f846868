using System.Globalization;

namespace SentryMcp.Sandbox;

/// <summary>Sentry-style cursor pagination: <c>per_page</c>/<c>limit</c>, <c>cursor=0:offset:0</c> and a Link header.</summary>
public static class Paging
{
    public static IResult Page<T>(HttpContext http, IReadOnlyList<T> items, int defaultPerPage = 100)
    {
        var query = http.Request.Query;
        var perPage = ParseInt(query["per_page"].FirstOrDefault() ?? query["limit"].FirstOrDefault(), defaultPerPage);
        if (perPage is < 1 or > 100)
        {
            return SentryErrors.BadRequest("Invalid per_page value: must be between 1 and 100.");
        }
        var offset = 0;
        var cursor = query["cursor"].FirstOrDefault();
        if (!string.IsNullOrEmpty(cursor))
        {
            var parts = cursor.Split(':');
            if (parts.Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out offset))
            {
                return SentryErrors.BadRequest("Invalid cursor parameter.");
            }
        }
        var page = items.Skip(offset).Take(perPage).ToList();
        var hasNext = offset + perPage < items.Count;
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}{http.Request.Path}";
        var prev = $"0:{Math.Max(0, offset - perPage)}:1";
        var next = $"0:{offset + perPage}:0";
        http.Response.Headers.Link =
            $"<{baseUrl}?cursor={prev}>; rel=\"previous\"; results=\"{(offset > 0 ? "true" : "false")}\"; cursor=\"{prev}\", " +
            $"<{baseUrl}?cursor={next}>; rel=\"next\"; results=\"{(hasNext ? "true" : "false")}\"; cursor=\"{next}\"";
        return Results.Json(page);
    }

    private static int ParseInt(string? value, int fallback) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : (value is null ? fallback : -1);
}
