using BenchmarkDotNet.Running;

// Runs the benchmarks named on the command line, e.g.
//   dotnet run -c Release --project benchmarks/Airline.Pipeline.Benchmarks -- --filter '*Flights*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
