using System.Data.Common;

namespace Airline.Pipeline.Redshift;

/// <summary>Recognises the errors that mean "run the transaction again".</summary>
public static class SerializationFailures
{
    /// <summary>
    /// True for PostgreSQL serialization failure (SQLSTATE 40001) or deadlock (40P01), Redshift's error 1023
    /// ("Serializable isolation violation"), and SQLite BUSY/LOCKED, anywhere in the exception chain.
    /// </summary>
    public static bool IsSerializationFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException db)
            {
                if (db.SqlState is "40001" or "40P01")
                {
                    return true;
                }

                if (db.Message.Contains("1023", StringComparison.Ordinal) &&
                    db.Message.Contains("Serializable isolation violation", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (db.GetType().FullName == "Microsoft.Data.Sqlite.SqliteException" &&
                    (db.Message.Contains("database is locked", StringComparison.OrdinalIgnoreCase) ||
                     db.Message.Contains("database table is locked", StringComparison.OrdinalIgnoreCase)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
