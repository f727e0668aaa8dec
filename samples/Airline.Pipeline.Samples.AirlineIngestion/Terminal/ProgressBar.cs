using System.Diagnostics;
using System.Globalization;

namespace Airline.Pipeline.Samples.AirlineIngestion.Terminal;

/// <summary>
/// A one-line progress bar with rows/s, redrawn at most ten times a second; silent unless stdout is a terminal
/// (a redirected report stays clean).
/// </summary>
internal sealed class ProgressBar(TextWriter output, bool enabled)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    /// <summary>Draws the bar at <paramref name="fraction"/> with an amount of <paramref name="unit"/> and its rate (throttled).</summary>
    public void Report(string label, double fraction, long amount, string unit)
    {
        if (!enabled || _clock.ElapsedMilliseconds - _lastDraw < 100)
        {
            return;
        }

        _lastDraw = _clock.ElapsedMilliseconds;
        fraction = double.IsFinite(fraction) ? Math.Clamp(fraction, 0, 1) : 0;
        var filled = (int)(fraction * Width);
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        output.Write(string.Create(
            CultureInfo.InvariantCulture,
            $"\r  {label,-10} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0}  {amount,14:N0} {unit}  {amount / seconds,12:N0} {unit}/s "));
        _drawn = true;
    }

    /// <summary>Starts timing a new phase.</summary>
    public void Restart()
    {
        Clear();
        _clock.Restart();
        _lastDraw = -1000;
    }

    /// <summary>Erases the bar so the report continues on a clean line.</summary>
    public void Clear()
    {
        if (_drawn)
        {
            output.Write("\r" + new string(' ', Width + 70) + "\r");
            _drawn = false;
        }
    }
}
