using System.Collections.Concurrent;
using System.Reflection;

namespace Airline.Pipeline.Aws.Tests.Support;

/// <summary>Wraps an interface implementation and records the names of the methods called (optionally failing some).</summary>
public class RecordingProxy<T> : DispatchProxy
    where T : class
{
    private T _inner = null!;

    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>Return an exception to throw instead of calling the method (crash injection), or null.</summary>
    public Func<string, Exception?> Fault { get; set; } = _ => null;

    public static (T Proxy, RecordingProxy<T> Recorder) Wrap(T inner)
    {
        var proxy = Create<T, RecordingProxy<T>>();
        var recorder = (RecordingProxy<T>)(object)proxy;
        recorder._inner = inner;
        return (proxy, recorder);
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.Enqueue(targetMethod.Name);
        if (Fault(targetMethod.Name) is { } fault)
        {
            throw fault;
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
