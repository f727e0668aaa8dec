using Airline.Pipeline.EventPatterns.Model;

namespace Airline.Pipeline.EventPatterns.Internal;

/// <summary>A compiled numeric operator: one optional lower and one optional upper bound, compared as doubles.</summary>
internal readonly record struct NumericRange(double Lower, bool LowerInclusive, double Upper, bool UpperInclusive)
{
    public bool Contains(double value) =>
        (LowerInclusive ? value >= Lower : value > Lower) && (UpperInclusive ? value <= Upper : value < Upper);

    /// <summary>Parses the terms as event-ruler does; returns AWS's message when they are not a valid range.</summary>
    public static string? TryParse(IReadOnlyList<PatternLiteral> terms, out NumericRange range)
    {
        range = new NumericRange(double.NegativeInfinity, false, double.PositiveInfinity, false);
        if (terms.Count == 0)
        {
            return "Empty arrays are not allowed: numeric needs an operator and a number, such as [\">\", 0].";
        }

        var i = 0;
        var op = Operator(terms[i], out var error);
        if (error is not null)
        {
            return error;
        }

        if (!TryValue(terms, i + 1, op, out var value, out error))
        {
            return error;
        }

        i += 2;
        switch (op)
        {
            case "=":
                range = new NumericRange(value, true, value, true);
                return terms.Count > i ? "Too many elements in numeric expression: \"=\" takes one number." : null;
            case "<":
            case "<=":
                range = new NumericRange(double.NegativeInfinity, false, value, op == "<=");
                return terms.Count > i ? "Too many elements in numeric expression: put the lower bound (\">\" or \">=\") first." : null;
        }

        var lower = value;
        var lowerInclusive = op == ">=";
        range = new NumericRange(lower, lowerInclusive, double.PositiveInfinity, false);
        if (terms.Count == i)
        {
            return null;
        }

        var upperOp = Operator(terms[i], out error);
        if (error is not null)
        {
            return error;
        }

        if (upperOp is not ("<" or "<="))
        {
            return $"Bad numeric range operator: \"{upperOp}\" after a lower bound; the second bound must be \"<\" or \"<=\".";
        }

        if (!TryValue(terms, i + 1, upperOp, out var upper, out error))
        {
            return error;
        }

        if (terms.Count > i + 2)
        {
            return "Too many terms in numeric range expression: use at most one lower and one upper bound.";
        }

        if (lower >= upper)
        {
            return "Bottom must be less than top.";
        }

        range = new NumericRange(lower, lowerInclusive, upper, upperOp == "<=");
        return null;
    }

    private static string Operator(PatternLiteral term, out string? error)
    {
        error = null;
        if (term.IsString && term.Text is "=" or "<" or "<=" or ">" or ">=")
        {
            return term.Text;
        }

        error = $"Unrecognized numeric range operator: {term.Text}; use =, <, <=, > or >=.";
        return term.Text;
    }

    private static bool TryValue(IReadOnlyList<PatternLiteral> terms, int index, string op, out double value, out string? error)
    {
        value = 0;
        error = null;
        if (index >= terms.Count || !terms[index].IsNumber)
        {
            error = $"Value of {op} must be numeric.";
            return false;
        }

        if (!JsonNumbers.IsJsonNumber(terms[index].Text) || !JsonNumbers.TryComparable(terms[index].Text, out value))
        {
            error = $"Cannot compare number : {terms[index].Text}";
            return false;
        }

        return true;
    }
}
