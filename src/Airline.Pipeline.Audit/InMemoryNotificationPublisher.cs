using System.Globalization;

namespace Airline.Pipeline.Audit;

/// <summary>Keeps every published notification in memory, in order (for tests). Thread-safe.</summary>
public sealed class InMemoryNotificationPublisher : INotificationPublisher
{
    private readonly Lock _gate = new();
    private readonly List<PublishedNotification> _published = [];

    /// <summary>A snapshot of what was published, in publishing order.</summary>
    public IReadOnlyList<PublishedNotification> Published
    {
        get
        {
            lock (_gate)
            {
                return [.. _published];
            }
        }
    }

    /// <summary>What went to <paramref name="topic"/>.</summary>
    public IReadOnlyList<AuditNotification> PublishedTo(string topic) =>
        Published.Where(p => string.Equals(p.Topic, topic, StringComparison.Ordinal)).Select(p => p.Notification).ToList();

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
            var id = string.Create(CultureInfo.InvariantCulture, $"memory-{_published.Count + 1:D6}");
            _published.Add(new PublishedNotification(topic, notification, id));
            return ValueTask.FromResult(id);
        }
    }
}
