CREATE SCHEMA IF NOT EXISTS "airlines";
CREATE TABLE IF NOT EXISTS "airlines"."airports_dim" ("airport_id" BIGINT NOT NULL, "city" VARCHAR(100), "state" VARCHAR(100), "name" VARCHAR(200)) DISTSTYLE ALL COMPOUND SORTKEY ("airport_id");
