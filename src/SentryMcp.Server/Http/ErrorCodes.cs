namespace SentryMcp.Server.Http;

/// <summary>
/// Every <c>code</c> a ProblemDetails of this server carries. The web UI mirrors the list as a union
/// type (<c>web/src/lib/error-codes.ts</c>); a test keeps the two equal.
/// </summary>
public static class ErrorCodes
{
    // Request shape
    public const string BadRequest = "BAD_REQUEST";
    public const string InvalidRequest = "INVALID_REQUEST";
    public const string InvalidMessagesFormat = "INVALID_MESSAGES_FORMAT";
    public const string InvalidJsonRpc = "INVALID_JSON_RPC";
    public const string InvalidHost = "INVALID_HOST";
    public const string InvalidSlug = "INVALID_SLUG";
    public const string InvalidToolsParameter = "INVALID_TOOLS_PARAMETER";
    public const string InvalidSkills = "INVALID_SKILLS";
    public const string InvalidPromptArguments = "INVALID_PROMPT_ARGUMENTS";
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
    public const string NotFound = "NOT_FOUND";
    public const string UnknownTool = "UNKNOWN_TOOL";
    public const string UnknownPrompt = "UNKNOWN_PROMPT";
    public const string SessionNotFound = "SESSION_NOT_FOUND";
    public const string WebUiNotBuilt = "WEB_UI_NOT_BUILT";

    // Who is calling, and what they may do
    public const string MissingAuthToken = "MISSING_AUTH_TOKEN";
    public const string InvalidToken = "INVALID_TOKEN";
    public const string AuthExpired = "AUTH_EXPIRED";
    public const string Forbidden = "FORBIDDEN";
    public const string ForbiddenOrigin = "FORBIDDEN_ORIGIN";
    public const string ScopeMismatch = "SCOPE_MISMATCH";
    public const string InsufficientScope = "INSUFFICIENT_SCOPE";
    public const string SkillsNotGranted = "SKILLS_NOT_GRANTED";
    public const string SessionCredentialMismatch = "SESSION_CREDENTIAL_MISMATCH";
    public const string ApprovalRequired = "APPROVAL_REQUIRED";
    public const string RateLimitExceeded = "RATE_LIMIT_EXCEEDED";

    // Something on the way failed
    public const string AiServiceUnavailable = "AI_SERVICE_UNAVAILABLE";
    public const string McpConnectionFailed = "MCP_CONNECTION_FAILED";
    public const string SentryUnavailable = "SENTRY_UNAVAILABLE";
    public const string SentryError = "SENTRY_ERROR";
    public const string ClientClosed = "CLIENT_CLOSED";
    public const string InternalError = "INTERNAL_ERROR";
    public const string Error = "ERROR";

    // Conversations (Server/Conversations)
    public const string ConversationNotFound = "CONVERSATION_NOT_FOUND";
    public const string InvalidConversationId = "INVALID_CONVERSATION_ID";
    public const string InvalidCursor = "INVALID_CURSOR";
    public const string InvalidQuery = "INVALID_QUERY";
    public const string InvalidTitle = "INVALID_TITLE";
    public const string InvalidExportFormat = "INVALID_EXPORT_FORMAT";
    public const string ConversationLimitReached = "CONVERSATION_LIMIT_REACHED";
    public const string ConversationFull = "CONVERSATION_FULL";
    public const string MessageTooLarge = "MESSAGE_TOO_LARGE";
    public const string TurnInProgress = "TURN_IN_PROGRESS";

    /// <summary>Not a ProblemDetails: the finish metadata of a followed answer whose server stopped (its lease expired).</summary>
    public const string TurnLost = "TURN_LOST";
    public const string ApprovalNotPending = "APPROVAL_NOT_PENDING";
    public const string MessageNotFound = "MESSAGE_NOT_FOUND";
    public const string MessageNotEditable = "MESSAGE_NOT_EDITABLE";
}
