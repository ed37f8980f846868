namespace SentryMcp.Server.Chat;

/// <summary>JSON request bodies of the chat API, read up to a limit.</summary>
public static class RequestBody
{
    /// <summary>The body, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(http);
        }
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return TooLarge(http);
            }
            buffer.Write(chunk, 0, read);
        }
        return new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length); // no second copy
    }

    /// <summary>
    /// The rest of the upload is still on the wire. Left alone, the server drains it after the answer
    /// and drops the connection past its own 4 MB limit, so the client's next request on that
    /// keep-alive connection fails; saying "close" ends it cleanly and tells the client not to reuse it.
    /// </summary>
    private static ReadOnlyMemory<byte>? TooLarge(HttpContext http)
    {
        if (HttpProtocol.IsHttp11(http.Request.Protocol))
        {
            http.Response.Headers.Connection = "close";
        }
        return null;
    }

    /// <summary>
    /// JSON must be UTF-8 (RFC 8259). The JSON reader checks the structure but not the bytes inside
    /// strings; an invalid sequence would only throw later, when the string is read.
    /// </summary>
    public static bool IsValidUtf8(ReadOnlyMemory<byte> body) => System.Text.Unicode.Utf8.IsValid(body.Span);
}
