namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>
/// EventBridge rejects wildcard rules "too complex" for its byte machine: it counts how many wildcard
/// states one worst-case value keeps alive at once (event-ruler's MachineComplexityEvaluator). This runs the
/// wildcards of one field as a union NFA over the quoted value and explores every reachable set of live
/// states, returning the largest set.
/// </summary>
internal static class WildcardComplexity
{
    private const int StarToken = -1;
    private const int ExplorationLimit = 4096;

    public static int Evaluate(IReadOnlyCollection<string> wildcards, int stopAbove)
    {
        var patterns = wildcards.Select(Tokens).ToList();
        if (patterns.Count == 0)
        {
            return 0;
        }

        // Global state id = (pattern index, position); positions run 0..tokens.Length.
        var offsets = new int[patterns.Count + 1];
        for (var p = 0; p < patterns.Count; p++)
        {
            offsets[p + 1] = offsets[p] + patterns[p].Length + 1;
        }

        var alphabet = patterns.SelectMany(t => t).Where(t => t != StarToken).Distinct().ToList();
        alphabet.Add(int.MaxValue); // any character no pattern names

        var start = new SortedSet<int>();
        for (var p = 0; p < patterns.Count; p++)
        {
            Close(patterns[p], offsets[p], 0, start);
        }

        var seen = new HashSet<string> { Key(start) };
        var pending = new Stack<SortedSet<int>>();
        pending.Push(start);
        var maximum = start.Count;
        while (pending.Count > 0 && seen.Count < ExplorationLimit)
        {
            var active = pending.Pop();
            foreach (var symbol in alphabet)
            {
                var next = new SortedSet<int>();
                foreach (var state in active)
                {
                    var p = Array.BinarySearch(offsets, state);
                    p = p >= 0 ? p : ~p - 1;
                    var tokens = patterns[p];
                    var position = state - offsets[p];
                    if (position >= tokens.Length)
                    {
                        continue;
                    }

                    if (tokens[position] == StarToken)
                    {
                        Close(tokens, offsets[p], position, next);
                    }
                    else if (tokens[position] == symbol)
                    {
                        Close(tokens, offsets[p], position + 1, next);
                    }
                }

                if (next.Count == 0)
                {
                    continue;
                }

                maximum = Math.Max(maximum, next.Count);
                if (maximum > stopAbove)
                {
                    return maximum;
                }

                if (seen.Add(Key(next)))
                {
                    pending.Push(next);
                }
            }
        }

        return maximum;
    }

    private static void Close(int[] tokens, int offset, int position, SortedSet<int> into)
    {
        while (true)
        {
            into.Add(offset + position);
            if (position < tokens.Length && tokens[position] == StarToken)
            {
                position++;
                continue;
            }

            return;
        }
    }

    private static string Key(SortedSet<int> set) => string.Join(',', set);

    private static int[] Tokens(string pattern)
    {
        var tokens = new List<int> { '"' };
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                tokens.Add(pattern[++i]);
            }
            else
            {
                tokens.Add(pattern[i] == '*' ? StarToken : pattern[i]);
            }
        }

        tokens.Add('"');
        return [.. tokens];
    }
}
