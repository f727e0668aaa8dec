namespace Airline.Pipeline.Redshift;

/// <summary>Who a GRANT is for.</summary>
/// <param name="Kind">User, group, role or PUBLIC.</param>
/// <param name="Name">The user, group or role name (quoted when rendered); empty for PUBLIC.</param>
public sealed record Grantee(GranteeKind Kind, string Name)
{
    /// <summary>A database user.</summary>
    public static Grantee User(string name) => new(GranteeKind.User, name);

    /// <summary>A Redshift user group (<c>TO GROUP</c>).</summary>
    public static Grantee Group(string name) => new(GranteeKind.Group, name);

    /// <summary>A Redshift role (<c>TO ROLE</c>; PostgreSQL renders a plain role name).</summary>
    public static Grantee Role(string name) => new(GranteeKind.Role, name);

    /// <summary><c>PUBLIC</c>.</summary>
    public static Grantee Public { get; } = new(GranteeKind.Public, "");
}

/// <summary>Kinds of <see cref="Grantee"/>.</summary>
public enum GranteeKind
{
    /// <summary>A user.</summary>
    User,

    /// <summary>A group.</summary>
    Group,

    /// <summary>A role.</summary>
    Role,

    /// <summary>Everyone.</summary>
    Public,
}
