using Microsoft.AspNetCore.Identity;

namespace Lindung.Core.Identity;

/// <summary>A Lindung user. Belongs to exactly one tenant; an Operator OPD is bound to one OPD.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string TenantCode { get; set; } = "";
    public string DisplayName { get; set; } = "";

    /// <summary>For an Operator OPD: the only OPD whose data the user may see.</summary>
    public Guid? AgencyId { get; set; }

    /// <summary>Set when an administrator issued a temporary password; cleared when the user changes it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreatedAt { get; set; }
}
