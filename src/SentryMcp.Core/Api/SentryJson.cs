using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace SentryMcp.Core.Api;

/// <summary>
/// Serializer settings for Sentry payloads. Sentry changes shapes: unknown fields are ignored,
/// numbers may arrive as strings and identifiers as numbers, so reads are deliberately lenient.
/// </summary>
public static class SentryJson
{
    /// <summary>
    /// This server's contracts: the source-generated <see cref="SentryMcpJsonContext"/>, then, where
    /// reflection-based serialization is on (the web host under the JIT), reflection for any type the
    /// context misses, so a host keeps working while a new type is not in the context yet. The stdio
    /// server turns reflection off in its JIT build as well (<c>JsonSerializerIsReflectionEnabledByDefault</c>),
    /// so its tests fail on a missing type exactly as its Native AOT build would.
    /// </summary>
    public static IJsonTypeInfoResolver Resolver { get; } = JsonSerializer.IsReflectionEnabledByDefault
        ? JsonTypeInfoResolver.Combine(SentryMcpJsonContext.Default, ReflectionFallback())
        : SentryMcpJsonContext.Default;

    // After Resolver: static initializers run in textual order, and Create reads it.
    public static JsonSerializerOptions Options { get; } = Create();

    // Only reached where reflection-based serialization is on; trimmed builds (Native AOT) turn that
    // feature switch off, so the compiler removes this call with the branch above.
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Reached only when JsonSerializer.IsReflectionEnabledByDefault, which trimmed builds turn off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Reached only when JsonSerializer.IsReflectionEnabledByDefault, which Native AOT turns off.")]
    private static DefaultJsonTypeInfoResolver ReflectionFallback() => new();

    /// <summary>The contract of <typeparamref name="T"/> under <paramref name="options"/> (never reflection under AOT).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            AllowTrailingCommas = true,
            ReadCommentHandling = JsonCommentHandling.Skip,
            TypeInfoResolver = Resolver,
        };
        options.Converters.Add(new LenientStringConverter());
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Reads strings, numbers and booleans into a string property; other shapes become null.</summary>
    private sealed class LenientStringConverter : JsonConverter<string>
    {
        public override bool HandleNull => true;

        public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.String:
                    return reader.GetString();
                case JsonTokenType.Number:
                    return reader.HasValueSequence
                        ? System.Text.Encoding.UTF8.GetString(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence))
                        : System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                case JsonTokenType.True:
                    return "true";
                case JsonTokenType.False:
                    return "false";
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    reader.Skip();
                    return null;
                default:
                    return null;
            }
        }

        // Dictionary keys (Dictionary<string, JsonElement> rows): the source-generated contracts route
        // them through this converter too, and a property name is always a plain string.
        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() ?? string.Empty;

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(value);

        public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options)
        {
            if (value is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                writer.WriteStringValue(value);
            }
        }
    }
}
