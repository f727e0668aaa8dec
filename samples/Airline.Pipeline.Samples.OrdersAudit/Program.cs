// Placeholder until the sample issue lands.
Console.WriteLine("Orders audit sample: landing -> staging -> Redshift staging -> final, reconciled per run_id (plan).");
return 0;
