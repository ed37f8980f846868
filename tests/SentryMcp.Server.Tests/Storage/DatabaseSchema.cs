using System.Data.Common;

namespace SentryMcp.Server.Tests.Storage;

/// <summary>
/// A database's schema as sorted lines (columns with type, nullability and key; indexes; foreign keys),
/// without EF's own bookkeeping tables, to compare an upgraded database with a new one.
/// </summary>
public static class DatabaseSchema
{
    private static readonly string[] Sqlite =
    [
        """SELECT m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull" || ' pk=' || p.pk || ' default=' || coalesce(p.dflt_value, '') FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'""",
        """SELECT m.name || ' index ' || il.name || ' unique=' || il."unique" || ' ' || ii.seqno || ':' || ii.name FROM sqlite_master m JOIN pragma_index_list(m.name) il JOIN pragma_index_info(il.name) ii WHERE m.type = 'table'""",
        """SELECT m.name || ' fk ' || fk."from" || ' -> ' || fk."table" || '.' || fk."to" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk WHERE m.type = 'table'""",
        """SELECT name || ' autoincrement' FROM sqlite_master WHERE type = 'table' AND sql LIKE '%AUTOINCREMENT%'""",
    ];

    private static readonly string[] Postgres =
    [
        """SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' nullable=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = current_schema()""",
        """SELECT tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()""",
        """SELECT c.relname || ' ' || k.conname || ' ' || pg_get_constraintdef(k.oid) FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema()""",
    ];

    public static IReadOnlyList<string> Describe(DbConnection connection, bool postgres)
    {
        var lines = new List<string>();
        foreach (var sql in postgres ? Postgres : Sqlite)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                lines.Add(reader.GetString(0));
            }
        }
        return [.. lines.Where(l => !l.StartsWith("__EF", StringComparison.Ordinal) && !l.StartsWith("sqlite_", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }

    public static IReadOnlyList<string> Tables(DbConnection connection, bool postgres)
    {
        using var command = connection.CreateCommand();
        command.CommandText = postgres
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
            : "SELECT name FROM sqlite_master WHERE type = 'table'";
        using var reader = command.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }
        return [.. tables.Order(StringComparer.Ordinal)];
    }
}
