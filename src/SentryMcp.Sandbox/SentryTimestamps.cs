using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SentryMcp.Sandbox;

/// <summary>
/// Timestamps as Sentry writes them: UTC, microseconds, <c>Z</c> (<c>2026-11-24T13:07:24.214920Z</c>).
/// System.Text.Json would write <c>…+00:00</c>, which clients that validate Sentry's format (the
/// official MCP server, with zod's <c>datetime()</c>) refuse.
/// </summary>
public static class SentryTimestamps
{
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public sealed class Converter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture);

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Format(value));
    }
}
