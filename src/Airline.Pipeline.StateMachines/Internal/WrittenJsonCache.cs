using System.Runtime.CompilerServices;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// Hands the compact JSON the validator wrote (to measure the size) to the next write of the same machine, so
/// validate-then-write serializes once. The model is immutable and the table is keyed by reference (a <c>with</c>
/// copy is a new key), so the bytes cannot be stale. Each offer is taken at most once (the caller owns the array)
/// and held weakly (the GC may drop it; the writer then writes again).
/// </summary>
internal static class WrittenJsonCache
{
    private static readonly ConditionalWeakTable<StateMachine, Slot> Slots = new();

    public static void Offer(StateMachine machine, byte[] utf8Json) =>
        Slots.AddOrUpdate(machine, new Slot { Bytes = new WeakReference<byte[]>(utf8Json) });

    public static byte[]? Take(StateMachine machine)
    {
        if (!Slots.TryGetValue(machine, out var slot))
        {
            return null;
        }

        var weak = Interlocked.Exchange(ref slot.Bytes, null);
        return weak is not null && weak.TryGetTarget(out var bytes) ? bytes : null;
    }

    private sealed class Slot
    {
        public WeakReference<byte[]>? Bytes;
    }
}
