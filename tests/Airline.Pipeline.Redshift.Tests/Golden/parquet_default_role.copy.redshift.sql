COPY "airlines"."daily_flights_fact" FROM 's3://bucket/enriched/flight_date=2023-11-15/' IAM_ROLE default FORMAT AS PARQUET
