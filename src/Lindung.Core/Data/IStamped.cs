namespace Lindung.Core.Data;

/// <summary>Rows that carry created/modified stamps, set by the DbContext from its <see cref="TimeProvider"/>.</summary>
public interface IStamped
{
    DateTime CreatedAt { get; set; }

    DateTime ModifiedAt { get; set; }
}

/// <summary>Rows whose every insert, update and delete writes an audit event in the same SaveChanges.</summary>
public interface IAudited
{
    Guid Id { get; }
}
