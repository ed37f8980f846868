using System.ComponentModel;

namespace SentryMcp.Core.Tools.Output;

/// <summary>A call stack that took a large share of the profiled time.</summary>
public sealed record HotPathOutput(
    [property: Description("Share of all sampled time, in percent.")] double PercentOfTotal,
    double DurationMs,
    long Samples,
    [property: Description("Frames root first; only user code when focusOnUserCode was true.")] IReadOnlyList<string> Frames,
    [property: Description("The innermost frame, which may be library code even when focusing on user code.")] string? Leaf);

/// <summary>A function's time in the profiles.</summary>
public sealed record ProfileFunctionOutput(
    string Function,
    string? File,
    bool IsApplication,
    long Samples,
    [property: Description("Total time with this function on the stack, in milliseconds.")] double TotalMs,
    [property: Description("Time in the function itself, in milliseconds.")] double SelfMs,
    double P75Ms,
    double P95Ms,
    double P99Ms,
    [property: Description("high_variance, consistently_slow or consistent.")] IReadOnlyList<string> Insights);

/// <summary>A function's average time per profile in the baseline and the current period.</summary>
public sealed record FunctionChangeOutput(
    string Function,
    string? File,
    double BaselineMsPerProfile,
    double CurrentMsPerProfile,
    double PercentChange,
    [property: Description("major_regression (>20% slower), minor_regression (>10%), improvement (>10% faster) or no_change.")] string Change);

/// <summary>A transaction's aggregate profile over a period, optionally compared with a baseline period.</summary>
public sealed record ProfileAnalysisOutput(
    string Transaction,
    string Project,
    string Period,
    string? CompareAgainstPeriod,
    bool HasData,
    int Profiles,
    long Samples,
    [property: Description("Share of self time spent in user code, in percent.")] double? UserCodePercent,
    IReadOnlyList<HotPathOutput> HotPaths,
    IReadOnlyList<ProfileFunctionOutput> Functions,
    [property: Description("Set when compareAgainstPeriod was given; regressions first.")] IReadOnlyList<FunctionChangeOutput>? Comparison,
    [property: Description("Profile ids in the period, for get_profile_details.")] IReadOnlyList<string> ProfileIds);

/// <summary>A frame of one profile by how often it was sampled.</summary>
public sealed record ProfileFrameOutput(string Function, string? File, bool IsApplication, long SelfSamples, long Samples, double PercentOfSamples);

public sealed record ProfileThreadOutput(string Id, string? Name, long Samples);

/// <summary>One transaction profile or continuous-profile chunk.</summary>
public sealed record ProfileDetailsOutput(
    [property: Description("transaction or continuous.")] string Kind,
    string? ProfileId,
    string? ProfilerId,
    string Project,
    string? Transaction,
    string? TraceId,
    string? Release,
    string? Platform,
    string? Environment,
    double? DurationMs,
    long Samples,
    int Stacks,
    int Frames,
    IReadOnlyList<ProfileThreadOutput> Threads,
    IReadOnlyList<ProfileFrameOutput> TopFrames,
    string Url);
