using Microsoft.Extensions.Options;
using SentryMcp.Core.Hosting;

namespace SentryMcp.Server.Conversations;

/// <summary>
/// Limits and retention of stored conversations (configuration section <c>Chat</c>, beside the chat's
/// own options; messages per conversation is <c>Chat:MaxMessages</c>).
/// </summary>
public sealed class ConversationOptions
{
    /// <summary>Conversations one user may keep; a new one beyond it is refused (409 <c>CONVERSATION_LIMIT_REACHED</c>).</summary>
    public int MaxConversationsPerUser { get; set; } = 500;

    /// <summary>
    /// Bytes of one stored message (its parts as JSON). A larger question is refused (413
    /// <c>MESSAGE_TOO_LARGE</c>); an answer that grows past it is stored with its largest tool outputs replaced by a note.
    /// </summary>
    public int MaxMessageBytes { get; set; } = 512 * 1024;

    /// <summary>A conversation not used for this long is deleted in the background.</summary>
    public TimeSpan ConversationRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the retention sweep runs.</summary>
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Ask the model for a short title after the first answer (else the first words of the question).</summary>
    public bool GenerateTitles { get; set; } = true;

    /// <summary>How long a finished answer stays replayable for a tab that loaded the conversation while it ran.</summary>
    public TimeSpan FinishedTurnGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a running turn's lease lasts without a refresh. When the instance writing the answer dies,
    /// followers end with a <c>TURN_LOST</c> error part and the conversation takes a new message after this long.
    /// </summary>
    public TimeSpan TurnLeaseTtl { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the writer of a turn refreshes its lease (well below <see cref="TurnLeaseTtl"/>).</summary>
    public TimeSpan TurnLeaseRefresh { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How often the answer written so far is saved while it streams (what a lost turn keeps).</summary>
    public TimeSpan AnswerSaveInterval { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>Every unusable <see cref="ConversationOptions"/> setting, with how to fix it.</summary>
public sealed class ConversationOptionsValidator : IValidateOptions<ConversationOptions>
{
    public ValidateOptionsResult Validate(string? name, ConversationOptions options) => new OptionsProblems()
        .Require(options.MaxConversationsPerUser >= 1, "Chat:MaxConversationsPerUser must be at least 1.")
        .Require(options.MaxMessageBytes >= 4096, "Chat:MaxMessageBytes must be at least 4096.")
        .Require(options.ConversationRetention > TimeSpan.Zero, "Chat:ConversationRetention must be positive, e.g. 90.00:00:00 for 90 days.")
        .Require(options.RetentionSweepInterval > TimeSpan.Zero, "Chat:RetentionSweepInterval must be positive, e.g. 01:00:00.")
        .Require(options.FinishedTurnGrace > TimeSpan.Zero, "Chat:FinishedTurnGrace must be positive, e.g. 00:02:00.")
        .Require(options.TurnLeaseRefresh > TimeSpan.Zero, "Chat:TurnLeaseRefresh must be positive, e.g. 00:00:03.")
        .Require(options.TurnLeaseTtl >= options.TurnLeaseRefresh * 2,
            "Chat:TurnLeaseTtl must be at least twice Chat:TurnLeaseRefresh (e.g. 00:00:10 and 00:00:03), so one late refresh does not lose a running answer.")
        .Require(options.AnswerSaveInterval > TimeSpan.Zero, "Chat:AnswerSaveInterval must be positive, e.g. 00:00:02.")
        .Result;
}
