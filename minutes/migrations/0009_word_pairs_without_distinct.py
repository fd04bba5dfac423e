"""Word pairs without DISTINCT: the pairs go into `array_to_tsvector`, which already keeps
each lexeme once, so sorting them for DISTINCT first was work done twice (about an eighth
of the trigger's time for each item written). The vectors it writes are the same, so no
item is rewritten."""

from django.db import migrations

WORD_PAIRS = """
-- 'lexeme distance lexeme' for each lexeme and the next one by position (stopwords leave
-- gaps: "plan för hamnen" is plan at 1, hamn at 3, so the pair is 'plan 2 hamn'). A pair
-- that occurs twice is listed twice; array_to_tsvector and the phrase search keep one.
CREATE OR REPLACE FUNCTION minutes_word_pairs(vector tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(
               lexeme || ' ' || (next_position - position) || ' ' || next_lexeme), '{}')
    FROM (
        SELECT lexeme, position,
               lead(lexeme) OVER by_position AS next_lexeme,
               lead(position) OVER by_position AS next_position
        FROM unnest(vector) AS entry(lexeme, positions, weights), unnest(positions) AS position
        WINDOW by_position AS (ORDER BY position, lexeme)
    ) AS pairs
    WHERE next_lexeme IS NOT NULL
$$;
"""

# The function as migration 0005 wrote it.
WORD_PAIRS_DISTINCT = WORD_PAIRS.replace("array_agg(", "array_agg(DISTINCT", 1)


class Migration(migrations.Migration):
    dependencies = [("minutes", "0008_item_committee_covering_index")]

    operations = [migrations.RunSQL(WORD_PAIRS, WORD_PAIRS_DISTINCT)]
