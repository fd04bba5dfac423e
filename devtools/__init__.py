"""Tools for developing the archive, never installed in production: the sample protocol
generator (`sample`), the scale benchmark (`bench`), the parse benchmark (`parse_bench`) and
their commands (`generate_minutes`, `load_sample`, `bench`). Nothing in `minutes` or
`archive` imports them; settings add the app only where the package is present."""
