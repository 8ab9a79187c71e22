using Lindung.Core.Projects;

namespace Lindung.Core.Tests.Projects;

public class WorkingDaysTests
{
    private static readonly HashSet<DateOnly> None = [];

    [Fact]
    public void RegistrationDeadline_SpkOnThursday_SkipsTwoWeekends()
    {
        // Thu 05/11/2026: Fri 6 (1), 9–13 (2–6), 16–20 (7–11), 23, 24, 25 (12–14).
        Assert.Equal(new DateOnly(2026, 11, 25), WorkingDays.RegistrationDeadline(new DateOnly(2026, 11, 5), None));
    }

    [Fact]
    public void RegistrationDeadline_SpkOnSaturday_CountsFromMonday()
    {
        Assert.Equal(new DateOnly(2026, 11, 26), WorkingDays.RegistrationDeadline(new DateOnly(2026, 11, 7), None));
    }

    [Fact]
    public void RegistrationDeadline_ConfiguredHolidayOnAWeekday_MovesTheDeadlineOneWorkingDay()
    {
        var holidays = new HashSet<DateOnly> { new(2026, 11, 10) };

        Assert.Equal(new DateOnly(2026, 11, 26), WorkingDays.RegistrationDeadline(new DateOnly(2026, 11, 5), holidays));
    }

    [Fact]
    public void RegistrationDeadline_HolidayOnASunday_ChangesNothing()
    {
        var holidays = new HashSet<DateOnly> { new(2026, 11, 8) };

        Assert.Equal(new DateOnly(2026, 11, 25), WorkingDays.RegistrationDeadline(new DateOnly(2026, 11, 5), holidays));
    }

    [Fact]
    public void RegistrationDeadline_Lebaran2026_SkipsTheWholeCutiBersamaWeek()
    {
        var holidays = HolidayCalendar.Shipped().Select(h => h.Date).ToHashSet();

        // SPK Tue 17/03/2026: 18, 19, 20 (Nyepi, cuti), 23, 24 (cuti Idul Fitri) are off; working days from 25/03.
        // 25, 26, 27 (1–3), 30, 31, 1, 2 (4–7), 3 Good Friday off, 6–10 (8–12), 13, 14 (13–14).
        Assert.Equal(new DateOnly(2026, 4, 14), WorkingDays.RegistrationDeadline(new DateOnly(2026, 3, 17), holidays));
    }

    [Fact]
    public void Shipped_2025And2026_AreListedAndDated()
    {
        var shipped = HolidayCalendar.Shipped();

        Assert.Contains(shipped, h => h.Date == new DateOnly(2025, 8, 17));
        Assert.Contains(shipped, h => h.Date == new DateOnly(2026, 8, 17));
        Assert.Contains(shipped, h => h.JointLeave && h.Date.Year == 2026);
        Assert.Equal(shipped.Count, shipped.Select(h => h.Date).Distinct().Count());
    }
}
