using Airline.Pipeline.Samples.OrdersAudit;

return await OrdersApp.RunAsync(args, Console.Out, Console.Error);
