using System.Collections.Immutable;
using Airline.Pipeline.StateMachines.Model;

namespace Airline.Pipeline.StateMachines.Internal;

/// <summary>
/// A graph's transitions as state positions (compressed rows: the targets of state i are
/// <c>Targets[Start[i]..Start[i + 1]]</c>), for the checks that walk the graph: arrays of ints instead of sets and
/// maps of names keep a 1,000-state validation from allocating per state. Targets that name no state are left out.
/// </summary>
internal sealed class GraphEdges
{
    private GraphEdges(int[] start, int[] targets, int[] canonical)
    {
        Start = start;
        Targets = targets;
        Canonical = canonical;
    }

    /// <summary>For each state, the position of the first state with its name (itself unless names repeat, which
    /// is reported elsewhere): transitions go to names, so duplicates share the first one's fate.</summary>
    public int[] Canonical { get; }

    public int Count => Start.Length - 1;

    public int[] Start { get; }

    public int[] Targets { get; }

    /// <summary>The same transitions as <see cref="State.Transitions"/> (Next, Catch Next, Choice Next and Default).</summary>
    public static GraphEdges Of(StateGraph graph)
    {
        var states = graph.States;
        // Small graphs (Parallel branches, Map processors) find names by a scan: no map to allocate.
        var positions = states.Length > SmallGraph ? new Dictionary<string, int>(states.Length, StringComparer.Ordinal) : null;
        var canonical = new int[states.Length];
        for (var i = 0; i < states.Length; i++)
        {
            canonical[i] = positions is null ? Scan(states, states[i].Name)
                : positions.TryAdd(states[i].Name, i) ? i : positions[states[i].Name];
        }

        var start = new int[states.Length + 1];
        var sink = new TargetList(states, positions, new int[Math.Max(4, states.Length * 2)]);
        for (var i = 0; i < states.Length; i++)
        {
            start[i] = sink.Count;
            AddTargets(states[i], ref sink);
        }

        start[states.Length] = sink.Count;
        return new GraphEdges(start, sink.Targets.AsSpan(0, sink.Count).ToArray(), canonical);
    }

    /// <summary>
    /// For graphs of at most 64 states (Parallel branches, Map processors): which states the start reaches and which
    /// reach a terminal state, as bit masks by canonical position, with nothing allocated.
    /// </summary>
    public static (ulong Reached, ulong Ending) SmallReach(StateGraph graph, int startIndex)
    {
        var states = graph.States;
        Span<ulong> successors = stackalloc ulong[states.Length];
        var terminals = 0UL;
        for (var i = 0; i < states.Length; i++)
        {
            var sink = new TargetMask(states);
            AddTargets(states[i], ref sink);
            successors[i] = sink.Mask;
            if (states[i].IsTerminal)
            {
                terminals |= 1UL << Scan(states, states[i].Name);
            }
        }

        var reached = 1UL << startIndex;
        for (var grown = true; grown;)
        {
            var next = reached;
            for (var i = 0; i < states.Length; i++)
            {
                if ((reached & (1UL << i)) != 0)
                {
                    next |= successors[i];
                }
            }

            grown = next != reached;
            reached = next;
        }

        var ending = terminals;
        for (var grown = true; grown;)
        {
            var next = ending;
            for (var i = 0; i < states.Length; i++)
            {
                if ((successors[i] & ending) != 0)
                {
                    next |= 1UL << i;
                }
            }

            grown = next != ending;
            ending = next;
        }

        return (reached, ending);
    }

    public const int SmallReachLimit = 64;

    /// <summary>The targets of <see cref="State.Transitions"/> (Next, Catch Next, Choice Next and Default), in order.</summary>
    private static void AddTargets<TSink>(State state, ref TSink sink)
        where TSink : struct, ITargetSink
    {
        switch (state)
        {
            case FlowState flow:
                sink.Add(flow.Next);
                if (flow is RecoverableState recoverable)
                {
                    foreach (var catcher in recoverable.Catch)
                    {
                        sink.Add(catcher.Next);
                    }
                }

                break;
            case ChoiceState choice:
                foreach (var rule in choice.Choices)
                {
                    sink.Add(rule.Next);
                }

                sink.Add(choice.Default);
                break;
        }
    }

    private interface ITargetSink
    {
        void Add(string? name);
    }

    private struct TargetList(ImmutableArray<State> states, Dictionary<string, int>? positions, int[] targets) : ITargetSink
    {
        public int[] Targets = targets;

        public int Count;

        public void Add(string? name)
        {
            var target = name is null ? -1 : positions is null ? Scan(states, name) : positions.GetValueOrDefault(name, -1);
            if (target >= 0)
            {
                if (Count == Targets.Length)
                {
                    Array.Resize(ref Targets, Targets.Length * 2);
                }

                Targets[Count++] = target;
            }
        }
    }

    private struct TargetMask(ImmutableArray<State> states) : ITargetSink
    {
        public ulong Mask;

        public void Add(string? name)
        {
            var target = name is null ? -1 : Scan(states, name);
            if (target >= 0)
            {
                Mask |= 1UL << target;
            }
        }
    }

    private const int SmallGraph = 8;

    public static int Scan(ImmutableArray<State> states, string name)
    {
        for (var i = 0; i < states.Length; i++)
        {
            if (string.Equals(states[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The same graph with every transition reversed (who can go to state i).</summary>
    public GraphEdges Reversed()
    {
        var start = new int[Start.Length];
        foreach (var target in Targets)
        {
            start[target + 1]++;
        }

        for (var i = 1; i < start.Length; i++)
        {
            start[i] += start[i - 1];
        }

        var fill = start.AsSpan(0, Count).ToArray();
        var sources = new int[Targets.Length];
        for (var source = 0; source < Count; source++)
        {
            for (var e = Start[source]; e < Start[source + 1]; e++)
            {
                sources[fill[Targets[e]]++] = source;
            }
        }

        return new GraphEdges(start, sources, Canonical);
    }

    /// <summary>Marks every state reachable from <paramref name="roots"/> (breadth first).</summary>
    public bool[] Reach(ReadOnlySpan<int> roots)
    {
        var seen = new bool[Count];
        var queue = new int[Count];
        int head = 0, tail = 0;
        foreach (var root in roots)
        {
            if (!seen[root])
            {
                seen[root] = true;
                queue[tail++] = root;
            }
        }

        while (head < tail)
        {
            var state = queue[head++];
            for (var e = Start[state]; e < Start[state + 1]; e++)
            {
                var next = Targets[e];
                if (!seen[next])
                {
                    seen[next] = true;
                    queue[tail++] = next;
                }
            }
        }

        return seen;
    }

    /// <summary>Strongly connected components (iterative Tarjan, linear time): states in the same loop share a number.</summary>
    public int[] Components()
    {
        var n = Count;
        var index = new int[n];
        var low = new int[n];
        var component = new int[n];
        var onStack = new bool[n];
        var stack = new int[n];
        var work = new (int State, int Edge)[n];
        Array.Fill(index, -1);
        int next = 0, components = 0, stackTop = 0;
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            var workTop = 0;
            Visit(root);
            while (workTop > 0)
            {
                ref var frame = ref work[workTop - 1];
                var state = frame.State;
                if (frame.Edge < Start[state + 1])
                {
                    var target = Targets[frame.Edge++];
                    if (index[target] < 0)
                    {
                        Visit(target);
                    }
                    else if (onStack[target])
                    {
                        low[state] = Math.Min(low[state], index[target]);
                    }

                    continue;
                }

                workTop--;
                if (workTop > 0)
                {
                    var parent = work[workTop - 1].State;
                    low[parent] = Math.Min(low[parent], low[state]);
                }

                if (low[state] == index[state])
                {
                    int member;
                    do
                    {
                        member = stack[--stackTop];
                        onStack[member] = false;
                        component[member] = components;
                    }
                    while (member != state);
                    components++;
                }
            }

            void Visit(int state)
            {
                index[state] = low[state] = next++;
                stack[stackTop++] = state;
                onStack[state] = true;
                work[workTop++] = (state, Start[state]);
            }
        }

        return component;
    }
}
