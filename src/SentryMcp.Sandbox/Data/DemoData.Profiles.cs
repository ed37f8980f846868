namespace SentryMcp.Sandbox;

/// <summary>A function in a profile. <see cref="InApp"/> is user code; the rest is libraries and the runtime.</summary>
public sealed record SandboxFrame(string Function, string File, string Module, int Line, bool InApp);

/// <summary>One call stack (root first) and how long the profile spent in it.</summary>
public sealed record SandboxStack(int[] Frames, double Ms);

public sealed class SandboxProfile
{
    public required string ProfileId { get; init; }
    public required string OrganizationSlug { get; init; }
    public required string ProjectSlug { get; init; }
    public required string Transaction { get; init; }
    public required string TransactionId { get; init; }
    public required string TraceId { get; init; }
    public required DateTimeOffset Start { get; init; }
    public required string Release { get; init; }
    public required List<SandboxStack> Stacks { get; init; }
    public double DurationMs => Stacks.Sum(s => s.Ms);
}

/// <summary>A continuous-profiling chunk of a service (no transaction: the profiler runs all the time).</summary>
public sealed record SandboxProfileChunk(string ChunkId, string ProfilerId, string OrganizationSlug, string ProjectSlug, DateTimeOffset Start, DateTimeOffset End, string Release, List<SandboxStack> Stacks);

public sealed partial class DemoData
{
    /// <summary>The sampling interval of the demo profiles: one sample per 10 ms of a stack.</summary>
    public const double SampleIntervalMs = 10;

    public const string CheckoutTransaction = "POST /api/orders/checkout/";

    /// <summary>Frames of api-backend (Django). Indices are used by the stacks below.</summary>
    public static readonly IReadOnlyList<SandboxFrame> BackendFrames =
    [
        new("_get_response", "django/core/handlers/base.py", "django.core.handlers.base", 197, false),       // 0
        new("checkout", "app/views/orders.py", "app.views.orders", 88, true),                                 // 1
        new("load_cart_items", "app/services/cart.py", "app.services.cart", 41, true),                        // 2
        new("__iter__", "django/db/models/query.py", "django.db.models.query", 398, false),                   // 3
        new("execute", "psycopg2/extensions.py", "psycopg2.extensions", 230, false),                          // 4
        new("price_items", "app/services/pricing.py", "app.services.pricing", 23, true),                      // 5
        new("fetch_product", "app/services/pricing.py", "app.services.pricing", 57, true),                    // 6
        new("charge", "app/payments/client.py", "app.payments.client", 64, true),                             // 7
        new("send", "requests/sessions.py", "requests.sessions", 703, false),                                 // 8
        new("urlopen", "urllib3/connectionpool.py", "urllib3.connectionpool", 789, false),                    // 9
        new("recv_into", "socket.py", "socket", 720, false),                                                  // 10
        new("serialize_order", "app/serializers/orders.py", "app.serializers.orders", 15, true),              // 11
        new("encode", "json/encoder.py", "json.encoder", 200, false),                                         // 12
    ];

    /// <summary>Frames of payments-service (.NET).</summary>
    public static readonly IReadOnlyList<SandboxFrame> PaymentsFrames =
    [
        new("ChargeService.ChargeAsync", "src/Payments/ChargeService.cs", "Acme.Payments", 48, true),                         // 0
        new("StripeClient.CreatePaymentIntentAsync", "src/Payments/StripeClient.cs", "Acme.Payments", 31, true),              // 1
        new("HttpClient.SendAsync", "", "System.Net.Http", 0, false),                                                         // 2
        new("Socket.ReceiveAsync", "", "System.Net.Sockets", 0, false),                                                       // 3
        new("CustomerRepository.FindAsync", "src/Payments/CustomerRepository.cs", "Acme.Payments", 22, true),                 // 4
        new("RelationalShapedQueryCompiler.ExecuteAsync", "", "Microsoft.EntityFrameworkCore.Relational", 0, false),          // 5
    ];

    private List<SandboxProfile>? _profiles;
    private List<SandboxProfileChunk>? _chunks;

    /// <summary>Built on first use (always under the state's gate) so the shared constructor stays untouched.</summary>
    public List<SandboxProfile> Profiles => _profiles ??= SeedProfiles();

    public List<SandboxProfileChunk> ProfileChunks => _chunks ??= SeedChunks();

    /// <summary>
    /// Checkout requests of api-backend. Before api-backend@1.18.0 prices were loaded in one query and
    /// the payment call took ~400 ms; since then each product is fetched on its own (the N+1 of the
    /// checkout trace) and the payment provider times out, so the current period regresses on both.
    /// </summary>
    private List<SandboxProfile> SeedProfiles()
    {
        var profiles = new List<SandboxProfile>();
        for (var i = 0; i < 8; i++)
        {
            var jitter = 1 + (0.08 * (i % 4));
            profiles.Add(CheckoutProfile($"b0f1c2d3e4f5461788990a1b2c3d4e{i:x2}", Now.AddDays(-2 - (0.5 * i)), "api-backend@1.17.3",
            [
                new([0, 1, 2, 3, 4], 12 * jitter),
                new([0, 1, 5, 3, 4], 16 * jitter),
                new([0, 1, 7, 8, 9, 10], 390 * jitter),
                new([0, 1, 11, 12], 18),
                new([0, 1], 6),
            ]));
        }
        for (var i = 0; i < 6; i++)
        {
            var jitter = 1 + (0.1 * (i % 3));
            var id = i == 0 ? DemoIds.CheckoutProfileId : $"c1e2d3f4a5b6471899aa0b1c2d3e4f{i:x2}";
            profiles.Add(CheckoutProfile(id, i == 0 ? Now.AddHours(-2) : Now.AddHours(-3 - (3 * i)), "api-backend@1.18.0",
            [
                new([0, 1, 2, 3, 4], 12 * jitter),
                new([0, 1, 5, 6, 3, 4], 72 * jitter),
                new([0, 1, 5, 6], 8),
                new([0, 1, 7, 8, 9, 10], 3400),
                new([0, 1, 11, 12], 18),
                new([0, 1], 6),
            ]));
        }
        return profiles;
    }

    private SandboxProfile CheckoutProfile(string id, DateTimeOffset start, string release, List<SandboxStack> stacks)
    {
        // The newest profile is the one of the checkout trace; the others belong to other requests.
        var inCheckoutTrace = id == DemoIds.CheckoutProfileId;
        var traceId = inCheckoutTrace ? DemoIds.CheckoutTraceId : id;
        return new SandboxProfile
        {
            ProfileId = id, OrganizationSlug = OrganizationSlug, ProjectSlug = "api-backend", Transaction = CheckoutTransaction,
            TransactionId = inCheckoutTrace ? DemoIds.CheckoutTransactionSpanId + DemoIds.CheckoutTraceId[16..] : id,
            TraceId = traceId, Start = start, Release = release, Stacks = stacks,
        };
    }

    private List<SandboxProfileChunk> SeedChunks()
    {
        var traceStart = Traces.First(t => t.TraceId == DemoIds.CheckoutTraceId).Start;
        return
        [
            new("a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4", DemoIds.PaymentsProfilerId, OrganizationSlug, "payments-service",
                traceStart.AddSeconds(-30), traceStart.AddSeconds(30), "payments-service@3.2.0",
            [
                new([0, 4, 5], 18),
                new([0, 1, 2, 3], 3000),
                new([0, 1], 4),
                new([0], 12),
            ]),
        ];
    }
}
