namespace Lindung.Web.Setup;

/// <summary>The <c>Lindung</c> configuration section, beyond the database settings.</summary>
public sealed class LindungOptions
{
    /// <summary>The tenant demo mode seeds and a single-tenant installation uses (default OKU Selatan).</summary>
    public string Tenant { get; set; } = "16.09";

    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>Requests per minute per API token (docs/api.md); beyond it the API answers 429.</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;
}
