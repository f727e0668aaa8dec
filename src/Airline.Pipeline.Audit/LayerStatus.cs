namespace Airline.Pipeline.Audit;

/// <summary>How one layer compares with the reference layer.</summary>
public enum LayerStatus
{
    /// <summary>No record yet.</summary>
    Missing = 0,

    /// <summary>The reference layer itself (present).</summary>
    Reference = 1,

    /// <summary>Within the expectation.</summary>
    Passed = 2,

    /// <summary>Beyond the warn level but within the fail level: the run can still succeed.</summary>
    Warning = 3,

    /// <summary>Beyond the fail level (or a named sum differs): the run fails.</summary>
    Failed = 4,

    /// <summary>The reference layer is missing, so this layer cannot be compared yet.</summary>
    Unchecked = 5,
}
