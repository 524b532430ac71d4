using System.Diagnostics.CodeAnalysis;

namespace LeanTeamsApp.Infrastructure.Graph;

public enum GraphCalendarStatus
{
    Succeeded,

    /// <summary>No Graph section in configuration: the appointment is kept by the app but is not in Outlook.</summary>
    NotConfigured,

    /// <summary>Graph does not know the organiser (or they have no mailbox).</summary>
    OrganiserNotFound,

    /// <summary>The event to move or cancel is no longer in the organiser's calendar.</summary>
    EventNotFound,

    /// <summary>The app may not use this calendar: permission not granted, or an application access policy excludes the mailbox.</summary>
    Forbidden,

    /// <summary>Graph is throttling us or is unavailable and retrying within bounds did not help; try again later.</summary>
    Throttled,
}

public sealed class GraphCalendarResult
{
    private GraphCalendarResult(GraphCalendarStatus status, string? graphErrorCode, TimeSpan? retryAfter)
    {
        Status = status;
        GraphErrorCode = graphErrorCode;
        RetryAfter = retryAfter;
    }

    public static GraphCalendarResult Success { get; } = new(GraphCalendarStatus.Succeeded, null, null);

    public GraphCalendarStatus Status { get; }

    public bool Succeeded => Status == GraphCalendarStatus.Succeeded;

    /// <summary>Graph's own error code, e.g. "ErrorAccessDenied", for logs and support.</summary>
    public string? GraphErrorCode { get; }

    /// <summary>When throttled: how long Graph asked us to wait before trying again, if it said.</summary>
    public TimeSpan? RetryAfter { get; }

    public static GraphCalendarResult Failure(GraphCalendarStatus status, string? graphErrorCode = null, TimeSpan? retryAfter = null) =>
        status == GraphCalendarStatus.Succeeded
            ? throw new ArgumentOutOfRangeException(nameof(status), "A failure needs a failing status.")
            : new(status, graphErrorCode, retryAfter);
}

public sealed class GraphCalendarResult<T>
    where T : class
{
    public GraphCalendarResult(T value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
        Outcome = GraphCalendarResult.Success;
    }

    public GraphCalendarResult(GraphCalendarResult failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        Outcome = failure.Succeeded ? throw new ArgumentException("A failure needs a failing result.", nameof(failure)) : failure;
    }

    public T? Value { get; }

    public GraphCalendarStatus Status => Outcome.Status;

    [MemberNotNullWhen(true, nameof(Value))]
    public bool Succeeded => Outcome.Succeeded && Value is not null;

    /// <inheritdoc cref="GraphCalendarResult.GraphErrorCode"/>
    public string? GraphErrorCode => Outcome.GraphErrorCode;

    /// <inheritdoc cref="GraphCalendarResult.RetryAfter"/>
    public TimeSpan? RetryAfter => Outcome.RetryAfter;

    private GraphCalendarResult Outcome { get; }
}
