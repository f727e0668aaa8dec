BEGIN;
CREATE TEMP TABLE "airports_dim_stage_r2" (LIKE "airlines"."airports_dim" INCLUDING DEFAULTS);
-- load: the executor (or Glue) inserts the rows into "airports_dim_stage_r2"
SELECT CAST('duplicate keys (airport_id) in staging table airports_dim_stage_r2: ' || LISTAGG('(' || COALESCE(CAST("airport_id" AS VARCHAR), 'NULL') || ')', ' | ') AS INTEGER) FROM (SELECT "airport_id" FROM "airports_dim_stage_r2" GROUP BY "airport_id" HAVING COUNT(*) > 1) AS "duplicates";
MERGE INTO "airlines"."airports_dim" USING "airports_dim_stage_r2" ON "airports_dim"."airport_id" = "airports_dim_stage_r2"."airport_id" WHEN MATCHED THEN UPDATE SET "city" = "airports_dim_stage_r2"."city", "state" = "airports_dim_stage_r2"."state", "name" = "airports_dim_stage_r2"."name" WHEN NOT MATCHED THEN INSERT ("airport_id", "city", "state", "name") VALUES ("airports_dim_stage_r2"."airport_id", "airports_dim_stage_r2"."city", "airports_dim_stage_r2"."state", "airports_dim_stage_r2"."name");
GRANT SELECT ON TABLE "airlines"."airports_dim" TO ROLE "analytics";
DROP TABLE IF EXISTS "airports_dim_stage_r2";
COMMIT;
