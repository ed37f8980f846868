using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;

namespace SentryMcp.Stdio;

/// <summary>Parses one stdin line into a JSON-RPC message, or builds the error response it deserves.</summary>
internal static class JsonRpcLine
{
    /// <summary>The SDK's own (source-generated) contract for messages, shared by reading and writing.</summary>
    public static readonly JsonTypeInfo<JsonRpcMessage> MessageType =
        (JsonTypeInfo<JsonRpcMessage>)McpJsonUtilities.DefaultOptions.GetTypeInfo(typeof(JsonRpcMessage));

    public static bool TryParse(string line, out JsonRpcMessage message, out byte[] rejection)
    {
        message = null!;
        rejection = [];
        try
        {
            if (JsonSerializer.Deserialize(line, MessageType) is { } parsed)
            {
                message = parsed;
                return true;
            }
        }
        catch (JsonException)
        {
        }
        var utf8 = Encoding.UTF8.GetBytes(line);
        // The id is answered when it can be read, so a caller is not left waiting (JSON-RPC 2.0 §5: null otherwise).
        rejection = IsJson(utf8)
            ? Error(RecoverId(utf8), -32600, "Invalid request: the line is not a JSON-RPC 2.0 message.")
            : Error(RecoverId(utf8), -32700, "Parse error: the line is not valid JSON.");
        return false;
    }

    private static bool IsJson(byte[] utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        try
        {
            return reader.Read() && reader.TrySkip() && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Reads a top-level string or integer "id" from a line that may be cut off or malformed.</summary>
    private static JsonNode? RecoverId(byte[] utf8)
    {
        // Not the final block: a line cut off at end-of-file reads as "more to come", not as an error.
        var reader = new Utf8JsonReader(utf8, isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }
                if (isId)
                {
                    return reader.TokenType switch
                    {
                        JsonTokenType.String => JsonValue.Create(reader.GetString()),
                        JsonTokenType.Number when reader.TryGetInt64(out var number) => JsonValue.Create(number),
                        _ => null,
                    };
                }
                if (!reader.TrySkip())
                {
                    return null;
                }
            }
        }
        catch (JsonException)
        {
        }
        return null;
    }

    private static byte[] Error(JsonNode? id, int code, string text) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id,
        ["error"] = new JsonObject { ["code"] = code, ["message"] = text },
    }.ToJsonString());
}
