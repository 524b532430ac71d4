using LeanTeamsApp.Features.Organisation;

namespace LeanTeamsApp.Features.Planning;

/// <summary>
/// Why the planner could not place an appointment, as a value: the "gemba plan" card words it in the reader's language
/// (<see cref="PlanningTexts.UnplacedReasons"/>). Arguments are dates, numbers, e-mail addresses, or another reason
/// (the people who were not free).
/// </summary>
public sealed record UnplacedReason(UnplacedReasonKind Kind, IReadOnlyList<object> Arguments)
{
    public static UnplacedReason Of(UnplacedReasonKind kind, params object[] arguments) => new(kind, arguments);

    public string In(Language language)
    {
        var texts = PlanningTexts.For(language);
        var arguments = Arguments.Select(a => a is UnplacedReason inner ? inner.In(language) : a).ToArray();
        return string.Format(language.Culture(), texts.UnplacedReasons[Kind], arguments);
    }

    public override string ToString() => In(Language.En);

    public bool Equals(UnplacedReason? other) => other is not null && Kind == other.Kind && Arguments.SequenceEqual(other.Arguments);

    public override int GetHashCode() => HashCode.Combine(Kind, Arguments.Count);
}

public enum UnplacedReasonKind
{
    UnitNotPlanned,
    UnknownTimeZone,
    DeadlineLeavesNoDay,
    NoFreeDayBeforeDeadline,
    ReviewCancelled,
    NoReviewDay,
    NoWalkDay,
    NoReviewWindow,
    NoReviewDayInRange,
    NoValidTime,
    LeaderAndUnitLeader,
    LeaderUnitLeaderAndConsultant,
}
