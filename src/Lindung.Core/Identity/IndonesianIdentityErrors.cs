using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace Lindung.Core.Identity;

/// <summary>Identity's messages in Bahasa Indonesia (the users' language), for the web app and the CLI.</summary>
public sealed class IndonesianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = string.Format(CultureInfo.InvariantCulture, "Kata sandi minimal {0} karakter.", length) };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = string.Format(CultureInfo.InvariantCulture, "Kata sandi harus memuat minimal {0} karakter berbeda.", uniqueChars) };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "Kata sandi salah." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = $"Nama pengguna {userName} sudah dipakai." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "Nama pengguna hanya boleh huruf kecil, angka, titik, garis bawah, tanda hubung dan @." };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = "Penguncian akun tidak aktif untuk pengguna ini." };
}
