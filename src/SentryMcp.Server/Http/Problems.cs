using Microsoft.AspNetCore.Mvc;

namespace SentryMcp.Server.Http;

/// <summary>The one way this server builds a ProblemDetails: status, a stable <see cref="ErrorCodes"/> code, a title and a detail.</summary>
public static class Problems
{
    /// <summary>A ProblemDetails result; <paramref name="title"/> defaults to the code's usual title.</summary>
    public static IResult Of(int status, string code, string detail, string? title = null, IEnumerable<KeyValuePair<string, object?>>? extensions = null) =>
        Results.Problem(Details(status, code, detail, title, extensions));

    /// <summary>The same ProblemDetails as <see cref="Of"/>, for writers that take the object (the exception handler).</summary>
    public static ProblemDetails Details(int status, string code, string detail, string? title = null, IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title ?? TitleOf(code), Detail = detail, Extensions = { ["code"] = code } };
        foreach (var (key, value) in extensions ?? [])
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    /// <summary>The body for a bare status code: the framework's title for it, and the code it stands for.</summary>
    public static IResult ForStatus(int status) =>
        Results.Problem(statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = CodeFor(status) });

    /// <summary>The code of a status that reached the client without one.</summary>
    public static string CodeFor(int? status) => status switch
    {
        400 => ErrorCodes.BadRequest,
        401 => ErrorCodes.MissingAuthToken,
        403 => ErrorCodes.Forbidden,
        404 => ErrorCodes.NotFound,
        405 => ErrorCodes.MethodNotAllowed,
        413 => ErrorCodes.RequestTooLarge,
        415 => ErrorCodes.UnsupportedMediaType,
        429 => ErrorCodes.RateLimitExceeded,
        _ => ErrorCodes.Error,
    };

    private static string TitleOf(string code) => code switch
    {
        ErrorCodes.MissingAuthToken => "Not signed in",
        ErrorCodes.AuthExpired => "Sign-in expired",
        ErrorCodes.RateLimitExceeded => "Too many messages",
        ErrorCodes.InvalidMessagesFormat => "Invalid chat request",
        ErrorCodes.InvalidRequest => "Invalid request",
        ErrorCodes.RequestTooLarge => "Request too large",
        ErrorCodes.AiServiceUnavailable => "No language model configured",
        ErrorCodes.McpConnectionFailed => "MCP server unreachable",
        ErrorCodes.ApprovalRequired => "Approval required",
        ErrorCodes.UnknownTool => "Unknown tool",
        ErrorCodes.UnknownPrompt => "Unknown prompt",
        ErrorCodes.InvalidPromptArguments => "Invalid prompt arguments",
        ErrorCodes.ForbiddenOrigin => "Foreign origin",
        ErrorCodes.UnsupportedMediaType => "Unsupported media type",
        ErrorCodes.ConversationNotFound => "Conversation not found",
        ErrorCodes.InvalidConversationId => "Invalid conversation id",
        ErrorCodes.InvalidCursor => "Invalid cursor",
        ErrorCodes.InvalidQuery => "Invalid search",
        ErrorCodes.InvalidTitle => "Invalid title",
        ErrorCodes.InvalidExportFormat => "Invalid export format",
        ErrorCodes.ConversationLimitReached => "Too many conversations",
        ErrorCodes.ConversationFull => "Conversation full",
        ErrorCodes.MessageTooLarge => "Message too large",
        ErrorCodes.TurnInProgress => "Answer in progress",
        ErrorCodes.ApprovalNotPending => "No approval pending",
        _ => "Error",
    };
}
