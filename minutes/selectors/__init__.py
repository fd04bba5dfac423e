"""Reads of the archive, one module per area: `browse` (bodies, committees, meetings, §§),
`people` (persons and parties), `api` (the JSON API's lists), `clerk` (a clerk's uploads),
`review` (how an upload was read, before publishing), `counts` (counts and caches)."""
