using System.IO.Compression;

namespace SentryMcp.Sandbox;

/// <summary>Events of the performance issues and the later error issues, and the attachments of WEB-FRONTEND-1.</summary>
public sealed partial class DemoData
{
    public const string ConsoleLogAttachmentId = "9002";

    private void SeedPerformanceAndMoreEvents()
    {
        AddEvent("7006", "a1b2c3d4e5f6478990a1b2c3d4e5f606", Now.AddHours(-2), PerformanceEvent(
            "N+1 Query", "/api/orders/", Now.AddHours(-2), "performance_n_plus_one_db_queries",
            ("Transaction", "/api/orders/"),
            ("Parent Span", "django.view - OrderListView"),
            ("Repeating Spans (25)", "db - SELECT \"shop_product\".* FROM \"shop_product\" WHERE \"shop_product\".\"id\" = %s")));
        AddEvent("7007", "a1b2c3d4e5f6478990a1b2c3d4e5f607", Now.AddDays(-1), PerformanceEvent(
            "Slow DB Query", "/api/reports/sales/", Now.AddDays(-1), "performance_slow_db_query",
            ("Transaction", "/api/reports/sales/"),
            ("Slow DB Query", "SELECT SUM(total) FROM shop_order WHERE created_at >= %s GROUP BY date(created_at)"),
            ("Duration Impact", "4.8s of 5.1s (94%)")));
        AddEvent("7008", "a1b2c3d4e5f6478990a1b2c3d4e5f608", Now.AddHours(-3), new
        {
            title = "Error: Hydration failed because the initial UI does not match what was rendered on the server.",
            message = "",
            platform = "javascript",
            type = "error",
            culprit = "ProductPrice(src/components/ProductPrice.tsx)",
            tags = Tags(("environment", "production"), ("browser", "Chrome 124"), ("handled", "no"), ("level", "error")),
            entries = new object[]
            {
                ExceptionEntry(Exception("Error", "Hydration failed because the initial UI does not match what was rendered on the server.", "onerror", false, null,
                    Frame("node_modules/react-dom/cjs/react-dom.production.min.js", "throwOnHydrationMismatch", 12508, false, colNo: 9),
                    Frame("src/components/ProductPrice.tsx", "ProductPrice", 9, true, colNo: 14, code:
                    [
                        "export function ProductPrice({ cents }: Props) {",
                        "  // Server renders in UTC and en-US; the browser formats in the visitor's locale.",
                        "  return <span>{new Intl.NumberFormat().format(cents / 100)}</span>;",
                        "}",
                        "",
                    ]))),
                BreadcrumbsEntry(Crumb(Now.AddHours(-3).AddSeconds(-1), "navigation", "/ -> /products/42", type: "navigation")),
                RequestEntry("GET", "https://shop.acme.example/products/42"),
            },
            contexts = new { browser = new { name = "Chrome", version = "124.0", type = "browser" }, trace = TraceContext("5e2d9c8b7a6f4e3d2c1b0a9f8e7d6c5b", "c1d2e3f4a5b6c7d8", "pageload") },
            user = new { id = "u-5120", email = "li@customer.example" },
            dateCreated = Now.AddHours(-3),
        });
        AddEvent("7009", "a1b2c3d4e5f6478990a1b2c3d4e5f609", Now.AddHours(-7), new
        {
            title = "NullReferenceException: Object reference not set to an instance of an object.",
            message = "",
            platform = "csharp",
            type = "error",
            culprit = "Acme.Payments.RefundService in CreateRefundAsync",
            release = new { version = "payments-service@1.8.0", shortVersion = "1.8.0" },
            tags = Tags(("environment", "production"), ("handled", "no"), ("level", "error")),
            entries = new object[]
            {
                ExceptionEntry(Exception("System.NullReferenceException", "Object reference not set to an instance of an object.", "UnobservedTaskException", false, "System",
                    Frame("src/Payments/RefundEndpoints.cs", "Refund", 19, true, "Acme.Payments.RefundEndpoints"),
                    Frame("src/Payments/RefundService.cs", "CreateRefundAsync", 54, true, "Acme.Payments.RefundService", code:
                    [
                        "        var charge = await _charges.FindAsync(request.ChargeId, ct);",
                        "        // Charges imported from the legacy system have no customer.",
                        "        var email = charge.Customer.Email;",
                        "        await _provider.RefundAsync(charge.ProviderId, request.Amount, ct);",
                        "        await _mail.SendRefundConfirmationAsync(email, ct);",
                    ], vars: new { request = "RefundRequest { ChargeId = ch_3921, Amount = 40.00 }" }))),
                RequestEntry("POST", "https://payments.acme.example/refunds", data: new { chargeId = "ch_3921", amount = 40.00 }),
            },
            contexts = new { runtime = new { name = ".NET", version = "10.0.0", type = "runtime" }, trace = TraceContext("7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d", "0f1e2d3c4b5a6978", "http.server") },
            user = new { id = "support-agent-4" },
            dateCreated = Now.AddHours(-7),
        });
    }

    private static object PerformanceEvent(string title, string transaction, DateTimeOffset at, string issueType, params (string Name, string Value)[] evidence) => new
    {
        title,
        message = "",
        platform = "python",
        type = "transaction",
        culprit = transaction,
        transaction,
        tags = Tags(("environment", "production"), ("transaction", transaction)),
        entries = new object[]
        {
            RequestEntry("GET", "https://api.acme.example" + transaction),
        },
        occurrence = new
        {
            issueTitle = title,
            subtitle = evidence[^1].Value,
            type = issueType == "performance_n_plus_one_db_queries" ? 1006 : 1007,
            evidenceDisplay = evidence.Select((e, i) => new { name = e.Name, value = e.Value, important = i == evidence.Length - 1 }).ToArray(),
        },
        contexts = new { trace = TraceContext("3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f", "2b3c4d5e6f7a8b9c", "http.server") },
        user = new { id = "u-1042" },
        dateCreated = at,
    };

    private void SeedAttachments()
    {
        Attachments.Add(new SandboxAttachment
        {
            Id = DemoIds.ScreenshotAttachmentId, EventId = DemoIds.UndefinedMapEventId, Name = "screenshot.png",
            MimeType = "image/png", Content = ScreenshotPng(), DateCreated = Now.AddHours(-1),
        });
        Attachments.Add(new SandboxAttachment
        {
            Id = ConsoleLogAttachmentId, EventId = DemoIds.UndefinedMapEventId, Name = "console.log", MimeType = "text/plain",
            Content = System.Text.Encoding.UTF8.GetBytes(
                "[12:01:07.112] info  OrdersPage mounted\n" +
                "[12:01:07.348] info  GET /api/orders/?customer=48213 -> 200 (236 ms)\n" +
                "[12:01:07.351] warn  useOrders: response has no 'orders' field, got keys: results, next\n" +
                "[12:01:07.353] error TypeError: Cannot read properties of undefined (reading 'map')\n"),
            DateCreated = Now.AddHours(-1),
        });
    }

    /// <summary>A real 16×16 RGB PNG (red error banner over grey), so clients can decode and show it.</summary>
    public static byte[] ScreenshotPng()
    {
        const int size = 16;
        var raw = new byte[size * (1 + size * 3)];
        for (var y = 0; y < size; y++)
        {
            var row = y * (1 + size * 3);
            raw[row] = 0; // filter: none
            for (var x = 0; x < size; x++)
            {
                var (r, g, b) = y < 4 ? ((byte)0xE0, (byte)0x3E, (byte)0x3E) : ((byte)0xF2, (byte)0xF2, (byte)0xF2);
                raw[row + 1 + x * 3] = r;
                raw[row + 2 + x * 3] = g;
                raw[row + 3 + x * 3] = b;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", [0, 0, 0, size, 0, 0, 0, size, 8, 2, 0, 0, 0]);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(raw);
            }
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        WriteBigEndian(stream, (uint)data.Length);
        stream.Write(typeBytes);
        stream.Write(data);
        WriteBigEndian(stream, Crc32([.. typeBytes, .. data]));
    }

    private static void WriteBigEndian(Stream stream, uint value) =>
        stream.Write([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }
        return ~crc;
    }
}
