COPY "airlines"."airports_dim" FROM 's3://airlines-dataset-gds/airports.csv' IAM_ROLE 'arn:aws:iam::123456789012:role/RedshiftLoadRole' FORMAT AS CSV DELIMITER AS ',' IGNOREHEADER 1
