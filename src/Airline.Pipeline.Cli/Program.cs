// Placeholder entry point until the CLI issue lands: prints what the tool will offer.
Console.Error.WriteLine("airline-pipeline: commands arrive with the CLI issue (asl, pattern, sql, enrich, generate).");
return 2;
