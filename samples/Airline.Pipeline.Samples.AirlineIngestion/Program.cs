// Placeholder until the sample issue lands: prints the plan the sample will carry out.
Console.WriteLine("""
Airline.Pipeline sample: the airline ingestion pipeline on one machine (plan)
  1. a flights file lands in incoming/ of a local-folder bucket
  2. the S3 "Object Created" event is matched against the EventBridge rule
  3. the state machine (crawler, poll, job, notify with Catch) runs in the in-process interpreter
  4. the Flights transform enriches the file; SQLite stands in for Redshift (replace by flight_date)
  5. every layer's count is audited and reconciled; one SUCCESS or FAILURE notice is written
  6. the file moves to archive/ or failed/; ASL, rule JSON, SQL and Mermaid are written out
""");
return 0;
