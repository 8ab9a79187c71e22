namespace Lindung.Core.Contributions;

/// <summary>
/// The JKK risk group of an engagement: its own override, else its category's, else its OPD's (default 1,
/// 0.24%). An OPD's priority flag is not a risk group.
/// </summary>
public static class RiskGroups
{
    public static int Resolve(int? engagement, int? category, int agency) => engagement ?? category ?? agency;
}
