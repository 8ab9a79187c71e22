namespace Lindung.Web.Setup;

/// <summary>The <c>Lindung</c> configuration section, beyond the database settings.</summary>
public sealed class LindungOptions
{
    /// <summary>The tenant demo mode seeds and a single-tenant installation uses (default OKU Selatan).</summary>
    public string Tenant { get; set; } = "16.09";

    public int SignInAttemptsPerMinute { get; set; } = 10;
}
