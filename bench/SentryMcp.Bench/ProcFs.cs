namespace SentryMcp.Bench;

/// <summary>Reads process facts from /proc: which children a process has and how much memory they hold.</summary>
public static class ProcFs
{
    public static HashSet<int> ChildrenOf(int parent)
    {
        var children = new HashSet<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // The command name may contain spaces and parentheses; fields resume after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[0] != "Z" && int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }
        return children;
    }

    /// <summary>A kB figure from /proc/&lt;pid&gt;/status (VmRSS, VmHWM), or null when the process is gone.</summary>
    public static long? StatusKb(int pid, string key)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(key + ":", StringComparison.Ordinal))
                {
                    return long.Parse(line[(key.Length + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        return null;
    }

    public static IReadOnlyList<string> EnvironmentNames(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ")
                .Split('\0', StringSplitOptions.RemoveEmptyEntries)
                .Select(e => e.Split('=', 2)[0])
                .ToList();
        }
        catch (IOException)
        {
            return [];
        }
    }

    public static string ExecutableOf(int pid)
    {
        try
        {
            return Path.GetFileName(new FileInfo($"/proc/{pid}/exe").LinkTarget ?? "?");
        }
        catch (IOException)
        {
            return "?";
        }
    }
}
