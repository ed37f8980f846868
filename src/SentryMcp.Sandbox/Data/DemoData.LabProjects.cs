namespace SentryMcp.Sandbox;

/// <summary>
/// Acme Labs runs many small experiments, each its own project: more than a page of 25, so listing
/// tools have to page through the organization (a known pain with large Sentry organizations).
/// </summary>
public sealed partial class DemoData
{
    /// <summary>How many projects acme-labs has in all (the prototype and the experiments).</summary>
    public const int LabProjectCount = 31;

    private static readonly (string Slug, string Name, string Platform)[] LabExperiments =
    [
        ("ab-testing-sdk", "A/B Testing SDK", "javascript"),
        ("anomaly-detector", "Anomaly Detector", "python"),
        ("audio-transcriber", "Audio Transcriber", "python"),
        ("billing-sim", "Billing Simulator", "go"),
        ("chatbot-widget", "Chatbot Widget", "javascript-react"),
        ("checkout-v3", "Checkout v3", "javascript-nextjs"),
        ("data-lake-loader", "Data Lake Loader", "python"),
        ("edge-cache", "Edge Cache", "rust"),
        ("feature-flags", "Feature Flags", "node"),
        ("forecasting", "Forecasting", "python"),
        ("fraud-scoring", "Fraud Scoring", "python"),
        ("graphql-gateway", "GraphQL Gateway", "node"),
        ("image-resizer", "Image Resizer", "go"),
        ("inventory-sync", "Inventory Sync", "csharp"),
        ("kiosk-app", "Kiosk App", "flutter"),
        ("load-tester", "Load Tester", "go"),
        ("notification-hub", "Notification Hub", "node"),
        ("ocr-pipeline", "OCR Pipeline", "python"),
        ("pricing-engine", "Pricing Engine", "java"),
        ("quantum-sandbox", "Quantum Sandbox", "python"),
        ("recommendations", "Recommendations", "python"),
        ("search-relevance", "Search Relevance", "python"),
        ("smart-shelf", "Smart Shelf", "cocoa"),
        ("voice-assistant", "Voice Assistant", "android"),
        ("warehouse-robot", "Warehouse Robot", "native"),
        ("wasm-playground", "WASM Playground", "javascript"),
        ("weather-widget", "Weather Widget", "javascript-vue"),
        ("webhooks-relay", "Webhooks Relay", "go"),
        ("zero-trust-proxy", "Zero Trust Proxy", "rust"),
        ("zip-code-lookup", "Zip Code Lookup", "php"),
    ];

    partial void SeedLabProjects();

    partial void SeedLabProjects()
    {
        foreach (var (slug, name, platform) in LabExperiments)
        {
            AddProject(SecondOrganizationSlug, slug, name, platform, "research");
        }
    }
}
