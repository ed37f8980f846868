using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace SentryMcp.Server.Chat;

/// <summary>
/// Approval ids bound to the session and the tool call they were issued for, so an approval can
/// only answer a request this server made.
/// </summary>
public sealed class ApprovalTokens(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("SentryMcp.Chat.Approval.v1");

    public string Issue(string sessionId, string toolCallId, string toolName) => _protector.Protect(Subject(sessionId, toolCallId, toolName));

    public bool Verify(string approvalId, string sessionId, string toolCallId, string toolName)
    {
        try
        {
            return _protector.Unprotect(approvalId) == Subject(sessionId, toolCallId, toolName);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static string Subject(string sessionId, string toolCallId, string toolName) => $"{sessionId}\n{toolCallId}\n{toolName}";
}
