BEGIN;
CREATE TEMP TABLE "daily_flights_fact_stage_run20231115" (LIKE "airlines"."daily_flights_fact" INCLUDING DEFAULTS);
-- load: the executor (or Glue) inserts the rows into "daily_flights_fact_stage_run20231115"
SELECT CAST('duplicate keys (flight_date, flight_id) in staging table daily_flights_fact_stage_run20231115: ' || LISTAGG('(' || COALESCE(CAST("flight_date" AS VARCHAR), 'NULL') || ', ' || COALESCE(CAST("flight_id" AS VARCHAR), 'NULL') || ')', ' | ') AS INTEGER) FROM (SELECT "flight_date", "flight_id" FROM "daily_flights_fact_stage_run20231115" GROUP BY "flight_date", "flight_id" HAVING COUNT(*) > 1) AS "duplicates";
DELETE FROM "airlines"."daily_flights_fact" USING "daily_flights_fact_stage_run20231115" WHERE "daily_flights_fact"."flight_date" = "daily_flights_fact_stage_run20231115"."flight_date";
INSERT INTO "airlines"."daily_flights_fact" ("carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay", "flight_date", "flight_id") SELECT "carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay", "flight_date", "flight_id" FROM "daily_flights_fact_stage_run20231115";
REFRESH MATERIALIZED VIEW "airlines"."mv_delayed_flights";
REFRESH MATERIALIZED VIEW "airlines"."mv_delays_by_route";
ANALYZE "airlines"."daily_flights_fact";
INSERT INTO "airlines"."etl_audit_log" ("event", "logged_at", "record_count") SELECT 'glue_job_success', CURRENT_TIMESTAMP, "staged_rows" FROM (SELECT COUNT(*) AS "staged_rows" FROM "daily_flights_fact_stage_run20231115") AS "staged";
DROP TABLE IF EXISTS "daily_flights_fact_stage_run20231115";
COMMIT;
