using System.Collections.Immutable;
using System.Text.Json;

namespace Airline.Pipeline.StateMachines.Model;

/// <summary>
/// A <c>Map</c> state: runs <see cref="ItemProcessor"/> for each item, inline or as a distributed map over a
/// data set read by <see cref="ItemReader"/>.
/// </summary>
public sealed record MapState : RecoverableState
{
    /// <inheritdoc />
    public override StateType Type => StateType.Map;

    /// <summary><c>ItemProcessor</c>: the states run for each item.</summary>
    public ItemProcessor? ItemProcessor { get; init; }

    /// <summary><c>Iterator</c>: the legacy name of ItemProcessor (no ProcessorConfig).</summary>
    public ItemProcessor? Iterator { get; init; }

    /// <summary><c>ItemsPath</c>: where the items array is in the input (JSONPath states).</summary>
    public OptionalPath? ItemsPath { get; init; }

    /// <summary><c>Items</c>: an array or a JSONata expression giving the items (JSONata states).</summary>
    public JsonElement? Items { get; init; }

    /// <summary><c>ItemSelector</c>: the template each item is passed through.</summary>
    public JsonElement? ItemSelector { get; init; }

    /// <summary><c>ItemReader</c>: reads items from S3 (distributed mode).</summary>
    public ItemReader? ItemReader { get; init; }

    /// <summary><c>ItemBatcher</c>: MaxItemsPerBatch(Path), MaxInputBytesPerBatch(Path), BatchInput.</summary>
    public JsonElement? ItemBatcher { get; init; }

    /// <summary><c>ResultWriter</c>: Resource, Parameters/Arguments and WriterConfig to write results to S3.</summary>
    public JsonElement? ResultWriter { get; init; }

    /// <summary><c>MaxConcurrency</c>: 0 means no limit.</summary>
    public NumberOrExpression? MaxConcurrency { get; init; }

    /// <summary><c>MaxConcurrencyPath</c>.</summary>
    public string? MaxConcurrencyPath { get; init; }

    /// <summary><c>ToleratedFailureCount</c>.</summary>
    public NumberOrExpression? ToleratedFailureCount { get; init; }

    /// <summary><c>ToleratedFailureCountPath</c>.</summary>
    public string? ToleratedFailureCountPath { get; init; }

    /// <summary><c>ToleratedFailurePercentage</c>: 0 to 100.</summary>
    public NumberOrExpression? ToleratedFailurePercentage { get; init; }

    /// <summary><c>ToleratedFailurePercentagePath</c>.</summary>
    public string? ToleratedFailurePercentagePath { get; init; }

    /// <summary><c>Label</c>: names child executions of a distributed map (up to 40 characters).</summary>
    public string? Label { get; init; }

    /// <summary>The processor in use: <see cref="ItemProcessor"/>, else the legacy <see cref="Iterator"/>.</summary>
    public ItemProcessor? Processor => ItemProcessor ?? Iterator;
}

/// <summary><c>ItemReader</c> of a distributed Map: reads items from S3.</summary>
public sealed record ItemReader
{
    /// <summary><c>Resource</c>, e.g. <c>arn:aws:states:::s3:getObject</c> or <c>arn:aws:states:::s3:listObjectsV2</c>.</summary>
    public required string Resource { get; init; }

    /// <summary><c>ReaderConfig</c>: InputType, CSVHeaderLocation, CSVHeaders, MaxItems(Path), ...</summary>
    public JsonElement? ReaderConfig { get; init; }

    /// <summary><c>Parameters</c> (JSONPath): Bucket, Key, Prefix.</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary><c>Arguments</c> (JSONata).</summary>
    public JsonElement? Arguments { get; init; }

    /// <summary>Fields this model does not know.</summary>
    public ImmutableArray<KeyValuePair<string, JsonElement>> UnknownFields { get; init; } = [];
}
