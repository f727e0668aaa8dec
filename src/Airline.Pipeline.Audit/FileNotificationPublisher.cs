namespace Airline.Pipeline.Audit;

/// <summary>
/// For samples and local runs: prints each notification's text form to a writer (the console by default) and saves
/// its JSON as <c>{directory}/{run id}.{succeeded|failed}.json</c> (indented); a second notice for the same run and
/// status gets a numbered name rather than overwriting. The message id is the file name.
/// </summary>
public sealed class FileNotificationPublisher : INotificationPublisher
{
    private readonly string _directory;
    private readonly TextWriter _output;
    private readonly Lock _gate = new();

    /// <summary>A publisher saving into <paramref name="directory"/> (created when missing) and printing to <paramref name="output"/> (default: <see cref="Console.Out"/>).</summary>
    public FileNotificationPublisher(string directory, TextWriter? output = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
        _output = output ?? Console.Out;
    }

    /// <summary>The folder notifications are saved in.</summary>
    public string Directory => _directory;

    /// <inheritdoc/>
    public ValueTask<string> PublishAsync(
        string topic, AuditNotification notification, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        ArgumentNullException.ThrowIfNull(notification);
        cancellationToken.ThrowIfCancellationRequested();
        notification.EnsureValid();
        lock (_gate)
        {
            System.IO.Directory.CreateDirectory(_directory);
            var stem = $"{notification.RunId}.{notification.Status.ToString().ToLowerInvariant()}";
            var name = stem + ".json";
            for (var n = 2; File.Exists(Path.Combine(_directory, name)); n++)
            {
                name = FormattableString.Invariant($"{stem}.{n}.json");
            }

            File.WriteAllText(Path.Combine(_directory, name), notification.ToJson(indented: true) + "\n");
            _output.Write($"[{topic}] {notification.Subject}\n{notification.ToText()}");
            _output.Flush();
            return ValueTask.FromResult(name);
        }
    }
}
