using System.Security.Cryptography;

namespace Lindung.Core.Identity;

/// <summary>Temporary passwords an administrator hands over; long enough for the password policy.</summary>
public static class PasswordGenerator
{
    // No look-alike characters (0/O, 1/l/I): these are read aloud or copied from a screen.
    private const string Alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string Generate(int groups = 4)
    {
        var parts = new string[groups];
        for (var g = 0; g < groups; g++)
        {
            parts[g] = RandomNumberGenerator.GetString(Alphabet, 4);
        }

        return string.Join('-', parts);
    }
}
