namespace Airline.Pipeline.Audit;

/// <summary>Where a run stands.</summary>
public enum AuditStatus
{
    /// <summary>Layers are missing and the deadline has not passed: nothing decided yet.</summary>
    Pending = 0,

    /// <summary>Every layer is present and within its expectation (warnings allowed).</summary>
    Succeeded = 1,

    /// <summary>A layer is beyond its fail level, or still missing at the deadline.</summary>
    Failed = 2,
}
