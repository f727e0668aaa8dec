using System.Runtime.ExceptionServices;

namespace Airline.Pipeline.Flights.Internal;

/// <summary>
/// Runs the same work on several thread-pool workers that share one stop signal: a worker that fails stops the others,
/// and the run rethrows that first real failure, not the cancellations it caused.
/// </summary>
internal static class WorkerGroup
{
    /// <param name="workers">How many workers.</param>
    /// <param name="work">One worker's loop; it watches the token of the source it is given.</param>
    /// <param name="stoppedOnPurpose">True when the stop signal was given on purpose (the cancellations it caused
    /// are then the expected end, not a failure).</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task RunAsync(
        int workers, Func<CancellationTokenSource, Task> work, Func<bool> stoppedOnPurpose, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = new Task[workers];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = Task.Run(() => WorkAsync(work, stop), CancellationToken.None);
        }

        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The first real failure (a fatal row, a record that never ends, an I/O error).
            var failure = tasks
                .Where(t => t.IsFaulted)
                .Select(t => t.Exception!.InnerException!)
                .FirstOrDefault(e => e is not OperationCanceledException);
            if (failure is not null)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            if (!stoppedOnPurpose())
            {
                throw;
            }
        }
    }

    private static async Task WorkAsync(Func<CancellationTokenSource, Task> work, CancellationTokenSource stop)
    {
        try
        {
            await work(stop).ConfigureAwait(false);
        }
        catch when (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
    }
}
