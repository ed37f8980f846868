using SentryMcp.Server;

await ServerApp.Build(args).RunAsync();
