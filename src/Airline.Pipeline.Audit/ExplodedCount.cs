namespace Airline.Pipeline.Audit;

/// <summary>Rows read and the exploded count: the total number of array elements across them.</summary>
/// <param name="Rows">Rows (JSON objects) read.</param>
/// <param name="Elements">Array elements at the path, summed over the rows (the seeds' <c>sum(cardinality(products))</c>).</param>
public readonly record struct ExplodedCount(long Rows, long Elements);
