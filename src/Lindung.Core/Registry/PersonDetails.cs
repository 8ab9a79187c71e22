using Lindung.Core.Registry.Validation;

namespace Lindung.Core.Registry;

/// <summary>
/// The facts of a person's record that may be corrected after the person is in the registry: everything but the
/// NIK, which is set once on the way in (<see cref="NewPerson"/>). Values arrive validated and normalised.
/// </summary>
public sealed record PersonDetails(PersonName Name, DateOnly BirthDate, char Sex, string? BirthPlace, string? Address,
    string? DistrictCode, string? VillageCode, string? Phone, string? Kpj)
{
    public static PersonDetails Of(Person p) =>
        new(new PersonName(p.FullName, p.FrontTitle, p.BackTitle), p.BirthDate, p.Sex, p.BirthPlace, p.Address,
            p.DistrictCode, p.VillageCode, p.Phone, p.Kpj);

    /// <summary>
    /// Whether the facts verification checks against the NIK — and BPJS matching relies on — would change: the
    /// name's letters (its <see cref="Person.NameKey"/>: case, spacing and titles do not count), birth date, sex.
    /// </summary>
    public bool ChangesIdentityOf(Person p) =>
        NameKeys.For(Name.Name) != p.NameKey || BirthDate != p.BirthDate || Sex != p.Sex;

    /// <summary>Copies the details onto the tracked person; the name key follows the name as on import.</summary>
    public void ApplyTo(Person p)
    {
        p.FullName = Name.Name;
        p.FrontTitle = Name.FrontTitle;
        p.BackTitle = Name.BackTitle;
        p.NameKey = NameKeys.For(Name.Name);
        p.BirthDate = BirthDate;
        p.Sex = Sex;
        p.BirthPlace = BirthPlace;
        p.Address = Address;
        p.DistrictCode = DistrictCode;
        p.VillageCode = VillageCode;
        p.Phone = Phone;
        p.Kpj = Kpj;
    }
}
