COPY "events" FROM 's3://bucket/events/' IAM_ROLE default FORMAT AS JSON 's3://bucket/jsonpaths.json' BZIP2
