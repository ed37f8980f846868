using SentryMcp.Core.Hosting;
using SentryMcp.Server;

try
{
    await ServerApp.Build(args).RunAsync();
}
catch (Exception failure) when (OptionsProblems.Of(failure) is { Count: > 0 } problems)
{
    // The host already logged the exception; this says what to fix without the stack trace.
    Console.Error.WriteLine(OptionsProblems.Report(problems));
    return 2;
}
return 0;
