BEGIN;
CREATE TEMP TABLE "daily_flights_fact_stage_run20231115" ("carrier" TEXT, "dep_airport" TEXT, "arr_airport" TEXT, "dep_city" TEXT, "arr_city" TEXT, "dep_state" TEXT, "arr_state" TEXT, "dep_delay" INTEGER, "arr_delay" INTEGER, "flight_date" TEXT NOT NULL, "flight_id" TEXT);
-- load: the executor (or Glue) inserts the rows into "daily_flights_fact_stage_run20231115"
SELECT "flight_date", "flight_id", COUNT(*) FROM "daily_flights_fact_stage_run20231115" GROUP BY "flight_date", "flight_id" HAVING COUNT(*) > 1 ORDER BY "flight_date", "flight_id" LIMIT 100;
DELETE FROM "daily_flights_fact" WHERE EXISTS (SELECT 1 FROM "daily_flights_fact_stage_run20231115" WHERE "daily_flights_fact"."flight_date" = "daily_flights_fact_stage_run20231115"."flight_date");
INSERT INTO "daily_flights_fact" ("carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay", "flight_date", "flight_id") SELECT "carrier", "dep_airport", "arr_airport", "dep_city", "arr_city", "dep_state", "arr_state", "dep_delay", "arr_delay", "flight_date", "flight_id" FROM "daily_flights_fact_stage_run20231115";
ANALYZE "daily_flights_fact";
INSERT INTO "etl_audit_log" ("event", "logged_at", "record_count") SELECT 'glue_job_success', CURRENT_TIMESTAMP, "staged_rows" FROM (SELECT COUNT(*) AS "staged_rows" FROM "daily_flights_fact_stage_run20231115") AS "staged";
DROP TABLE IF EXISTS "daily_flights_fact_stage_run20231115";
COMMIT;
