namespace Lindung.Web.Setup;

/// <summary>The <c>Lindung</c> configuration section, beyond the database settings.</summary>
public sealed class LindungOptions
{
    /// <summary>The tenant demo mode seeds and a single-tenant installation uses (default OKU Selatan).</summary>
    public string Tenant { get; set; } = "16.09";

    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>File uploads (any multipart POST: worker lists, BPJS files, invoices, projects, PDFs) per user and minute.</summary>
    public int UploadsPerMinute { get; set; } = 20;

    /// <summary>Requests per minute per API token (docs/api.md); beyond it the API answers 429.</summary>
    public int ApiRequestsPerMinute { get; set; } = 120;
    /// <summary>A session ends after this many minutes without a request (sliding; ASVS V3.3).</summary>
    public int SessionIdleMinutes { get; set; } = 30;

    /// <summary>
    /// An authenticator code works once (ASVS V2.8.4; <c>OneTimeAuthenticatorTokenProvider</c>). Always on in an
    /// installation; the test factories turn it off so one test user may sign in many times within 30 seconds, and a
    /// strict factory tests it.
    /// </summary>
    public bool TotpReplayProtection { get; set; } = true;

    /// <summary>
    /// How often a session's security stamp is checked against the database; a changed stamp (sign out
    /// everywhere, account locked, password changed) ends the session. Zero checks on every request.
    /// </summary>
    public double SecurityStampValidationMinutes { get; set; } = 1;

    /// <summary>
    /// Whether Administrator, Koordinator and Auditor must enrol a second factor before anything else. Null: yes,
    /// except in demo mode (Development), where a banner says it is relaxed (docs/security.md).
    /// </summary>
    public bool? RequireSecondFactor { get; set; }
}
