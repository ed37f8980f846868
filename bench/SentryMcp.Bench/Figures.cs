namespace SentryMcp.Bench;

/// <summary>What was measured for one server.</summary>
public sealed class ServerFigures(string label)
{
    public string Label { get; } = label;
    public string Version { get; set; } = "?";
    public string Executable { get; set; } = "?";
    public string Protocol { get; set; } = "?";
    public List<double> ColdStartsMs { get; } = [];
    public Dictionary<string, List<double>> CallsMs { get; } = [];
    public List<double> PingsMs { get; } = [];
    public Dictionary<string, int> Errors { get; } = [];
    public Dictionary<string, string> FirstError { get; } = [];
    public long? RssIdleKb { get; set; }
    public long? RssAfterCallsKb { get; set; }
    public long? PeakRssKb { get; set; }

    public IReadOnlyCollection<double> AllCalls => CallsMs.Values.SelectMany(v => v).ToList();
    public int ErrorCount => Errors.Values.Sum();

    public void Record(string tool, CallResult result)
    {
        if (!CallsMs.TryGetValue(tool, out var samples))
        {
            CallsMs[tool] = samples = [];
        }
        samples.Add(result.Milliseconds);
        if (result.IsError)
        {
            Errors[tool] = Errors.GetValueOrDefault(tool) + 1;
            FirstError.TryAdd(tool, result.Text);
        }
    }
}

/// <summary>Why a candidate tool is in the plan or not, and how each server is reached for it.</summary>
public sealed record PlanDecision(string Tool, ToolRoute Ours, ToolRoute Official, bool Included, string Why);
