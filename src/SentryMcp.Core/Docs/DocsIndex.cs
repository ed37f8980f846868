using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SentryMcp.Core.Docs;

/// <summary>A ranked search hit; <see cref="Snippet"/> marks matched words with <c>**</c>.</summary>
public sealed record DocsSearchHit(string Path, string Title, string Description, string Section, string? Snippet, double Score);

/// <summary>
/// Full-text index of the docs site, built lazily from its <c>llms.txt</c> (titles, descriptions,
/// paths) into an in-memory SQLite FTS5 table and rebuilt after the TTL. Pages fetched later with
/// get_doc add their bodies. Concurrent callers share one build; a failed rebuild keeps serving
/// the previous index.
/// </summary>
public sealed class DocsIndex : IDisposable
{
    private readonly DocsClient _client;
    private readonly DocsOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<DocsIndex> _logger;
    private readonly SqliteConnection _db;
    private readonly Lock _dbGate = new();
    private readonly Lock _buildGate = new();
    private Task? _build;
    private DateTimeOffset _builtAt;
    private volatile bool _hasData;

    public DocsIndex(DocsClient client, IOptions<DocsOptions> options, ILogger<DocsIndex> logger, TimeProvider? time = null)
    {
        _client = client;
        _options = options.Value;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        _db = new SqliteConnection("Data Source=:memory:");
        _db.Open();
        Execute("""
            CREATE VIRTUAL TABLE docs USING fts5(
                path UNINDEXED, section UNINDEXED, title, description, terms, body,
                tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3');
            """);
    }

    public async Task<IReadOnlyList<DocsSearchHit>> SearchAsync(string query, int maxResults, string? guide, CancellationToken ct)
    {
        var match = DocsQuery.ToMatchExpression(query);
        await EnsureBuiltAsync(ct).ConfigureAwait(false);
        if (match is null)
        {
            return [];
        }
        var (exact, prefix) = DocsQuery.GuideFilter(guide);
        lock (_dbGate)
        {
            using var command = _db.CreateCommand();
            command.CommandText = $"""
                SELECT path, title, description, section,
                       snippet(docs, 5, '**', '**', '…', 24), body <> '', bm25(docs, 0, 0, 10.0, 4.0, 3.0, 1.0) AS score
                FROM docs
                WHERE docs MATCH $match {(exact is null ? string.Empty : "AND (path = $exact OR path LIKE $prefix ESCAPE '\\')")}
                ORDER BY score
                LIMIT $limit
                """;
            command.Parameters.AddWithValue("$match", match);
            command.Parameters.AddWithValue("$limit", maxResults);
            if (exact is not null)
            {
                command.Parameters.AddWithValue("$exact", exact);
                command.Parameters.AddWithValue("$prefix", prefix);
            }
            var hits = new List<DocsSearchHit>();
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var snippet = reader.GetBoolean(5) ? reader.GetString(4) : null;
                hits.Add(new DocsSearchHit(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), snippet, -reader.GetDouble(6)));
            }
            return hits;
        }
    }

    /// <summary>Adds a fetched page's body so later searches also match its text. Ignored until the index exists.</summary>
    public void IndexPage(string path, string markdown)
    {
        if (!_hasData)
        {
            return;
        }
        lock (_dbGate)
        {
            using var transaction = _db.BeginTransaction();
            using var find = _db.CreateCommand();
            find.CommandText = "SELECT rowid, section, title, description FROM docs WHERE path = $path LIMIT 1";
            find.Parameters.AddWithValue("$path", path);
            string section = "Pages", title = FirstHeading(markdown) ?? path, description = string.Empty;
            using (var reader = find.ExecuteReader())
            {
                if (reader.Read())
                {
                    (section, title, description) = (reader.GetString(1), reader.GetString(2), reader.GetString(3));
                }
            }
            Execute("DELETE FROM docs WHERE path = $path", ("$path", path));
            Insert(new DocsEntry(path, title, description, section), markdown);
            transaction.Commit();
        }
    }

    private async Task EnsureBuiltAsync(CancellationToken ct)
    {
        Task build;
        lock (_buildGate)
        {
            var expired = _build is { IsCompletedSuccessfully: true } && _time.GetUtcNow() - _builtAt > _options.IndexTtl;
            if (_build is null || _build.IsFaulted || _build.IsCanceled || expired)
            {
                // Not tied to one caller's token: other callers may be waiting on the same build.
                _build = Task.Run(BuildAsync, CancellationToken.None);
            }
            build = _build;
        }
        try
        {
            await build.WaitAsync(ct).ConfigureAwait(false);
        }
        catch (DocsUnavailableException ex) when (_hasData)
        {
            _logger.LogWarning(ex, "Rebuilding the docs index failed; serving the previous index");
        }
    }

    private async Task BuildAsync()
    {
        var text = await _client.GetIndexTextAsync(CancellationToken.None).ConfigureAwait(false);
        var entries = LlmsTxt.Parse(text, _client.BaseUri);
        if (entries.Count == 0)
        {
            throw new DocsUnavailableException($"**Sentry Docs Error**: the documentation index of {_client.Host} lists no pages.");
        }
        lock (_dbGate)
        {
            using var transaction = _db.BeginTransaction();
            Execute("DELETE FROM docs");
            foreach (var entry in entries)
            {
                Insert(entry, string.Empty);
            }
            transaction.Commit();
        }
        lock (_buildGate)
        {
            _builtAt = _time.GetUtcNow();
        }
        _hasData = true;
        _logger.LogInformation("Indexed {Count} documentation pages from {Host}", entries.Count, _client.Host);
    }

    private void Insert(DocsEntry entry, string body) =>
        Execute("INSERT INTO docs (path, section, title, description, terms, body) VALUES ($path, $section, $title, $description, $terms, $body)",
            ("$path", entry.Path), ("$section", entry.Section), ("$title", entry.Title), ("$description", entry.Description),
            ("$terms", entry.Path[..^3].Replace('/', ' ').Replace('-', ' ')), ("$body", body));

    private void Execute(string sql, params (string Name, object Value)[] parameters)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        command.ExecuteNonQuery();
    }

    private static string? FirstHeading(string markdown)
    {
        foreach (var line in markdown.AsSpan().EnumerateLines())
        {
            if (line.StartsWith("# "))
            {
                return line[2..].Trim().ToString();
            }
        }
        return null;
    }

    public void Dispose() => _db.Dispose();
}
