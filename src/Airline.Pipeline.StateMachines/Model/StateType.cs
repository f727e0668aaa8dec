namespace Airline.Pipeline.StateMachines.Model;

/// <summary>The <c>Type</c> of a state.</summary>
public enum StateType
{
    /// <summary>Does work through a resource (Lambda, activity, service integration).</summary>
    Task,

    /// <summary>Passes its input to its output, optionally injecting data.</summary>
    Pass,

    /// <summary>Branches on rules.</summary>
    Choice,

    /// <summary>Waits for a time span or until a timestamp.</summary>
    Wait,

    /// <summary>Ends the execution successfully.</summary>
    Succeed,

    /// <summary>Ends the execution with an error.</summary>
    Fail,

    /// <summary>Runs branches in parallel.</summary>
    Parallel,

    /// <summary>Runs a processor for each item of an array or data set.</summary>
    Map,
}
