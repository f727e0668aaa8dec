using Airline.Pipeline.Flights;
using FsCheck;
using FsCheck.Fluent;

namespace Airline.Pipeline.Flights.Tests;

public sealed class PropertyTests
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(150);

    [Fact]
    public void Random_valid_files_give_the_reference_rows_and_counts_on_any_block_size_and_core_count()
    {
        Check.One(Config, Prop.ForAll(Arb.From(Gen.Choose(0, int.MaxValue - 1)), (int seed) =>
        {
            var file = RandomFlightFile.Create(seed);
            var random = new Random(seed);
            var options = new FlightEnrichmentOptions
            {
                UnknownAirport = file.Policy,
                BlockSizeBytes = random.Next(2) == 0 ? 4096 : 1 << 20,
                MaxRowBytes = 1 << 20,
                DegreeOfParallelism = random.Next(1, 4),
            };
            var batch = new FlightEnricher(RandomFlightFile.Airports, options)
                .EnrichToMemoryAsync(TestRuns.Bytes(file.Bytes)).GetAwaiter().GetResult();

            batch.Rows.Should().Equal(file.Expected, $"seed {seed}");
            batch.Result.InputRows.Should().Be(file.Input);
            batch.Result.NotDelayedRows.Should().Be(file.NotDelayed);
            batch.Result.NoDelayValueRows.Should().Be(file.NoDelayValue);
            batch.Result.RejectedRows.Should().Be(file.Rejected);
            batch.Result.IsBalanced.Should().BeTrue();
            return true;
        }));
    }

    [Fact]
    public void Enriched_csv_write_then_read_gives_the_same_rows()
    {
        var text = Gen.Elements("", "a", "A,B", "say \"hi\"", "two\nlines", "cr\r\nlf", " padded ", "Zürich", "\"", ",");
        var nullable = Gen.OneOf(Gen.Constant<string?>(null), text.Select(s => (string?)s));
        var row =
            from carrier in text
            from names in Gen.ArrayOf(nullable, 8)
            from dep in Gen.Choose(-100, 2000)
            from arr in Gen.OneOf(Gen.Constant<long?>(null), Gen.Choose(-100, 2000).Select(v => (long?)v))
            select new EnrichedFlight
            {
                Carrier = carrier,
                DepAirport = names[0],
                ArrAirport = names[1],
                DepCity = names[2],
                ArrCity = names[3],
                DepState = names[4],
                ArrState = names[5],
                DepDelay = dep,
                ArrDelay = arr,
                FlightDate = names[6],
                FlightId = names[7],
            };

        Check.One(Config, Prop.ForAll(Arb.From(Gen.ListOf(row)), rows =>
        {
            using var stream = new MemoryStream();
            EnrichedFlightCsv.Write(stream, rows);
            stream.Position = 0;
            EnrichedFlightCsv.Read(stream).Should().Equal(rows);
            return true;
        }));
    }
}
