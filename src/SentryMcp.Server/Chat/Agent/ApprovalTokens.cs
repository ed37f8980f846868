using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using SentryMcp.Server.Chat.SignIn;

namespace SentryMcp.Server.Chat.Agent;

/// <summary>What an approval was issued for: the exact tool call, in one chat of one session of one user.</summary>
public sealed record ApprovalSubject(string UserId, string SessionId, string ChatId, string ToolCallId, string ToolName, string InputHash)
{
    public static ApprovalSubject For(ChatUser user, string chatId, string toolCallId, string toolName, IDictionary<string, object?>? arguments) =>
        new(user.UserId, user.SessionId, chatId, toolCallId, toolName, ApprovalTokens.HashInput(arguments));
}

/// <summary>A verified approval: its one-time id and when it would expire anyway.</summary>
public sealed record VerifiedApproval(string Nonce, DateTimeOffset ExpiresAt);

/// <summary>
/// Approval ids the browser hands back when the user approves a write tool. The client sends the
/// tool call again (its arguments included) with the approval, so the id carries, encrypted, the
/// user, session, chat, tool call id, tool name and a hash of the canonical input it was issued
/// for: the approved call runs only if every one matches, and only once (<see cref="ApprovalLedger"/>).
/// </summary>
public sealed class ApprovalTokens(IDataProtectionProvider provider, TimeProvider clock)
{
    /// <summary>How long the user has to answer; an expired approval is reported as not matching.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = provider.CreateProtector("SentryMcp.Chat.Approval.v2");

    private sealed record Payload(string Nonce, long ExpiresAt, ApprovalSubject Subject);

    public string Issue(ApprovalSubject subject)
    {
        var payload = new Payload(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)), (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds(), subject);
        return _protector.Protect(JsonSerializer.Serialize(payload));
    }

    /// <summary>The approval when it was issued by us for exactly this call and has not expired; otherwise null.</summary>
    public VerifiedApproval? Verify(string approvalId, ApprovalSubject subject)
    {
        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<Payload>(_protector.Unprotect(approvalId));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
        if (payload is null || payload.Subject != subject)
        {
            return null;
        }
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt);
        return expiresAt > clock.GetUtcNow() ? new VerifiedApproval(payload.Nonce, expiresAt) : null;
    }

    /// <summary>
    /// SHA-256 of the arguments as canonical JSON (members sorted, numbers and strings re-encoded), so
    /// the model's call and the browser's echo of it hash alike however either spelled the JSON.
    /// </summary>
    public static string HashInput(IDictionary<string, object?>? arguments)
    {
        var element = JsonSerializer.SerializeToElement(arguments ?? new Dictionary<string, object?>());
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteCanonical(writer, element);
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(member.Name);
                    WriteCanonical(writer, member.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number when element.TryGetInt64(out var integer):
                writer.WriteNumberValue(integer);
                break;
            case JsonValueKind.Number when element.TryGetDouble(out var number) && double.IsFinite(number):
                writer.WriteNumberValue(number);
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }}
