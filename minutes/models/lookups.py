"""Lookups the archive's queries need beyond Django's own."""

from __future__ import annotations

from django.db.models import BigIntegerField, Lookup


@BigIntegerField.register_lookup
class AnyOf(Lookup):
    """`id__any=[…]`: `id = ANY(%s)` with the list as one array parameter.

    A search hands its first thousand hits' ids to the page and facet queries; `__in`
    writes a placeholder per id, and building, splitting and planning those thousand
    placeholders cost more than running the query.
    """

    lookup_name = "any"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        return f"{lhs} = ANY(%s::bigint[])", (*lhs_params, [int(value) for value in self.rhs])
