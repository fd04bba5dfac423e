"""Search, reads only: `query` (full-text search over published items), `dnr` (diarienummer
lookup), `results` (result pages, highlighting), `facets`, `filters` (django-filter),
`phrases` (quoted phrases as word pairs), `exports` (a search's rows for CSV and JSON). The
stored vectors are written by `minutes.services.search_index`."""
