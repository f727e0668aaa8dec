using Airline.Pipeline.Samples.AirlineIngestion;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await SampleApp.RunAsync(args, Console.Out, Console.Error, isTerminal: !Console.IsOutputRedirected, cancellationToken: cancellation.Token);
