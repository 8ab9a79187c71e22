namespace Lindung.Core.Identity;

public static class LindungClaims
{
    public const string Tenant = "lindung:tenant";
    public const string TenantName = "lindung:tenant_name";
    public const string Agency = "lindung:agency";
    public const string DisplayName = "lindung:name";
    public const string MustChangePassword = "lindung:must_change_password";

    /// <summary>A role that requires a second factor, and none enrolled yet: only enrolment is open.</summary>
    public const string SecondFactorMissing = "lindung:second_factor_missing";
}
