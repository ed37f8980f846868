using SentryMcp.Sandbox;

var app = SandboxApp.Create(args);
app.Logger.LogInformation("Sentry sandbox: demo organization '{Org}', token '{Token}'", DemoData.OrganizationSlug, SandboxOptions.DefaultToken);
await app.RunAsync();
