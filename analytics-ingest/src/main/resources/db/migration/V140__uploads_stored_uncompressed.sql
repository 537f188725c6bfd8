-- An upload's chunks are CSV text, which PostgreSQL compressed (pglz) on the way in and decompressed on the way out:
-- CPU on the upload's and the job's path for disk the upload gives back as soon as its job ends. Stored out of line
-- as before (TOAST), uncompressed. Applies to chunks written from now on.
alter table analysis_upload_chunk alter column data set storage external;
