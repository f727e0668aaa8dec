BEGIN;
CREATE TEMP TABLE "airports_dim_stage_r1" (LIKE "airlines"."airports_dim" INCLUDING DEFAULTS);
-- load: the executor (or Glue) inserts the rows into "airports_dim_stage_r1"
SELECT CAST('duplicate keys (airport_id) in staging table airports_dim_stage_r1: ' || LISTAGG('(' || COALESCE(CAST("airport_id" AS VARCHAR), 'NULL') || ')', ' | ') AS INTEGER) FROM (SELECT "airport_id" FROM "airports_dim_stage_r1" GROUP BY "airport_id" HAVING COUNT(*) > 1) AS "duplicates";
MERGE INTO "airlines"."airports_dim" USING "airports_dim_stage_r1" ON "airports_dim"."airport_id" = "airports_dim_stage_r1"."airport_id" REMOVE DUPLICATES;
DROP TABLE IF EXISTS "airports_dim_stage_r1";
COMMIT;
