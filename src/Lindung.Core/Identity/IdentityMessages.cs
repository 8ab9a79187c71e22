using Lindung.Core.Formatting;

namespace Lindung.Core.Identity;

/// <summary>
/// Why an account cannot be created or changed, for people: <see cref="CoreMessage"/>s keyed "Identity" + the member's
/// name in <c>Resources/CoreText(.en).resx</c>. Identity's own refusals come through <see cref="LindungIdentityErrors"/>.
/// </summary>
public static class IdentityMessages
{
    public static CoreMessage PasswordTooShort(int length) => Make(nameof(PasswordTooShort), length);

    public static CoreMessage PasswordRequiresUniqueChars(int uniqueChars) => Make(nameof(PasswordRequiresUniqueChars), uniqueChars);

    public static CoreMessage PasswordMismatch => Make(nameof(PasswordMismatch));

    public static CoreMessage DuplicateUserName(string userName) => Make(nameof(DuplicateUserName), userName);

    public static CoreMessage InvalidUserName => Make(nameof(InvalidUserName));

    public static CoreMessage UserLockoutNotEnabled => Make(nameof(UserLockoutNotEnabled));

    public static CoreMessage ConcurrencyFailure => Make(nameof(ConcurrencyFailure));

    public static CoreMessage DefaultError => Make(nameof(DefaultError));

    public static CoreMessage RoleUnknown(string role) => Make(nameof(RoleUnknown), role);

    public static CoreMessage OperatorNeedsAgency => Make(nameof(OperatorNeedsAgency));

    public static CoreMessage TenantMissing(string tenantCode) => Make(nameof(TenantMissing), tenantCode);

    private static CoreMessage Make(string name, params object?[] values) => new("Identity" + name, values);
}
