using Lindung.Core.Formatting;
using Microsoft.AspNetCore.Identity;

namespace Lindung.Core.Identity;

/// <summary>
/// Identity's refusals in the user's language (the current UI culture: the web request's, the CLI's <c>LINDUNG_LANG</c>),
/// for the web app and the CLI. Each error keeps its <see cref="IdentityMessages"/> text, so a caller that must not depend
/// on the language (the CLI's <c>--json</c>) can render it in Bahasa Indonesia.
/// </summary>
public sealed class LindungIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), IdentityMessages.PasswordTooShort(length));

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        Error(nameof(PasswordRequiresUniqueChars), IdentityMessages.PasswordRequiresUniqueChars(uniqueChars));

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), IdentityMessages.PasswordMismatch);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), IdentityMessages.DuplicateUserName(userName));

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), IdentityMessages.InvalidUserName);

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), IdentityMessages.UserLockoutNotEnabled);

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), IdentityMessages.ConcurrencyFailure);

    public override IdentityError DefaultError() => Error(nameof(DefaultError), IdentityMessages.DefaultError);

    private static LindungIdentityError Error(string code, CoreMessage text) => new(text) { Code = code, Description = text.ToString() };
}

/// <summary>An Identity error that keeps its text as a <see cref="CoreMessage"/>; <see cref="IdentityError.Description"/> is it in the UI culture of the moment it was made.</summary>
public sealed class LindungIdentityError(CoreMessage text) : IdentityError
{
    public CoreMessage Text { get; } = text;
}
