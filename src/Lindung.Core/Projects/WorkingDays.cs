namespace Lindung.Core.Projects;

/// <summary>Working-day arithmetic: Monday to Friday, minus the configured holidays.</summary>
public static class WorkingDays
{
    /// <summary>The registration deadline: BPJS wants construction projects registered within 14 working days of the SPK.</summary>
    public const int RegistrationDays = 14;

    public static bool IsWorkingDay(DateOnly day, IReadOnlySet<DateOnly> holidays) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (the start day itself never counts).</summary>
    public static DateOnly AddWorkingDays(DateOnly start, int count, IReadOnlySet<DateOnly> holidays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = start;
        for (var n = 0; n < count;)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day, holidays))
            {
                n++;
            }
        }

        return day;
    }

    public static DateOnly RegistrationDeadline(DateOnly spkDate, IReadOnlySet<DateOnly> holidays) =>
        AddWorkingDays(spkDate, RegistrationDays, holidays);
}
