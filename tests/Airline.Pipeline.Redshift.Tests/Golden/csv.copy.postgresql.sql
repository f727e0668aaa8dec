COPY "airlines"."airports_dim" FROM STDIN WITH (FORMAT csv, DELIMITER ',', HEADER true, NULL '')
