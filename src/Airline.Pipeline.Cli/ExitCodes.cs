namespace Airline.Pipeline.Cli;

/// <summary>The exit codes of <c>airline-pipeline</c>, the same for every command.</summary>
public static class ExitCodes
{
    /// <summary>0: the command did its work and the answer is yes (valid, matched, succeeded).</summary>
    public const int Ok = 0;

    /// <summary>1: the command did its work and the answer is no (invalid, no match, execution failed, data rejected).</summary>
    public const int No = 1;

    /// <summary>2: bad usage or input: unknown option, missing file, invalid JSON, bad table spec.</summary>
    public const int BadInput = 2;

    /// <summary>130: cancelled (Ctrl-C), as shells report an interrupted command.</summary>
    public const int Cancelled = 130;
}
