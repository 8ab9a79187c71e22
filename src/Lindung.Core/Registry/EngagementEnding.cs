namespace Lindung.Core.Registry;

/// <summary>Why an engagement cannot end on the date asked for.</summary>
public enum EndRefusal
{
    AlreadyEnded,
    BeforeStart,
    TooFarAhead,
}

/// <summary>
/// Ending an engagement (Berakhir, PRODUCT §4.5): on or after its start, and at most
/// <see cref="MaxDaysAhead"/> days ahead — a notice already given (a contract ending at the month's end), not a
/// guess about next year. An ended engagement stays in the registry and counts as eligible up to its end month.
/// </summary>
public static class EngagementEnding
{
    public const int MaxDaysAhead = 31;

    public static EndRefusal? Check(Engagement engagement, DateOnly endDate, DateOnly today) =>
        engagement.EndDate is not null ? EndRefusal.AlreadyEnded
        : endDate < engagement.StartDate ? EndRefusal.BeforeStart
        : endDate > today.AddDays(MaxDaysAhead) ? EndRefusal.TooFarAhead
        : null;

    /// <summary>Ends the tracked engagement when <see cref="Check"/> allows it; the DbContext audits the change.</summary>
    public static EndRefusal? End(Engagement engagement, DateOnly endDate, EndReason reason, DateOnly today)
    {
        if (!Enum.IsDefined(reason))
        {
            throw new ArgumentOutOfRangeException(nameof(reason));
        }

        var refusal = Check(engagement, endDate, today);
        if (refusal is null)
        {
            engagement.EndDate = endDate;
            engagement.EndReason = reason;
        }

        return refusal;
    }
}
