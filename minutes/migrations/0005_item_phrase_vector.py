"""Word pairs of each item, indexed, so a phrase search reads only the items that hold it.

A phrase (`"förorenad mark"`) is found by the GIN index as "both words somewhere", and each
such item's word positions must then be read from its stored vector: a phrase of two
common words has tens of thousands of candidates and few or no hits. Like
Elasticsearch's `index_phrases`, each item also keeps its adjacent word pairs as lexemes
(`förorenad 1 mark`: first word, distance in positions, second word) in a vector of their
own with its own GIN index; a phrase's pairs narrow the candidates to the items that hold
every pair before the positions are checked. A trigger derives the pairs from the search
vector whenever that is written, so every path that indexes an item keeps both in step.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

FUNCTIONS = """
-- 'lexeme distance lexeme' for each lexeme and the next one by position (stopwords leave
-- gaps: "plan för hamnen" is plan at 1, hamn at 3, so the pair is 'plan 2 hamn').
CREATE FUNCTION minutes_word_pairs(vector tsvector) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT coalesce(array_agg(DISTINCT
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

CREATE FUNCTION minutes_item_phrase_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.phrase_vector := array_to_tsvector(minutes_word_pairs(coalesce(NEW.search_vector, '')));
    RETURN NEW;
END $$;
CREATE TRIGGER item_phrase_vector BEFORE INSERT OR UPDATE OF search_vector ON minutes_item
    FOR EACH ROW EXECUTE FUNCTION minutes_item_phrase_vector();
"""

DROP_FUNCTIONS = """
DROP TRIGGER item_phrase_vector ON minutes_item;
DROP FUNCTION minutes_item_phrase_vector();
DROP FUNCTION minutes_word_pairs(tsvector);
"""

# Existing items: rewriting search_vector with itself fires the trigger.
BACKFILL = "UPDATE minutes_item SET search_vector = search_vector"


class Migration(migrations.Migration):
    dependencies = [("minutes", "0004_item_meeting_copies")]

    operations = [
        migrations.AddField(
            model_name="item",
            name="phrase_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(FUNCTIONS, DROP_FUNCTIONS),
        migrations.RunSQL(BACKFILL, migrations.RunSQL.noop),
        migrations.AddIndex(
            model_name="item",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["phrase_vector"], name="item_phrase_vector_gin"
            ),
        ),
    ]
