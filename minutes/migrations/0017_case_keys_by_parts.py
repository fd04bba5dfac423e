"""Case keys as organ, year and serial whichever way the number was printed.

`minutes.parsing.dnr.normalize_dnr` now gives `HSN 571-2024` and `hsn 2024/571` one key
(`hsn2024571`), `23RS1203` and `RS 2023/1203` one (`rs20231203`), and drops a trailing
classification code (`BUN-2020/602.912` → `bun2020602`). The stored keys are rewritten
with the same rules, held here in SQL (a migration means the same whatever the app has
become); two cases of one body that now share a key become one, keeping the older row
and every item link of both. The old keys are not restored when migrating back.
"""

from django.db import migrations

ORGAN = "[a-zåäö]{1,6}(?: [a-zåäö]{1,6})?"
YEAR = "(?:19|20)[0-9]{2}"
CLASSIFICATION = r"(?:\.[0-9]{1,7}| [0-9]{1,2}(?:\.[0-9]{1,2})+\.?)?"

KEY_FUNCTION = rf"""
CREATE OR REPLACE FUNCTION pg_temp.dnr_serial(serial text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    SELECT CASE WHEN serial = '' THEN '' ELSE coalesce(nullif(ltrim(serial, '0'), ''), '0') END
$fn$;

CREATE OR REPLACE FUNCTION pg_temp.dnr_key(printed text, old_key text) RETURNS text
LANGUAGE sql IMMUTABLE AS $fn$
    WITH folded AS (SELECT translate(lower(printed), 'ÅÄÖ', 'åäö') AS text)
    SELECT coalesce(
        (SELECT replace(m[1], ' ', '') || m[2] || pg_temp.dnr_serial(m[3])
           FROM folded, regexp_match(folded.text,
                '^({ORGAN})[ /.-]?({YEAR})[/:. -]([0-9]{{1,7}}){CLASSIFICATION}$') AS m),
        (SELECT replace(m[1], ' ', '') || m[3] || pg_temp.dnr_serial(m[2])
           FROM folded, regexp_match(folded.text,
                '^({ORGAN})[ /.-]?([0-9]{{1,7}})[/:.-]({YEAR})$') AS m),
        (SELECT replace(m[3], ' ', '') || m[1] || pg_temp.dnr_serial(m[2])
           FROM folded, regexp_match(folded.text,
                '^({YEAR})[/:.-]([0-9]{{1,7}}) ({ORGAN})$') AS m),
        (SELECT m[2] || '20' || m[1] || pg_temp.dnr_serial(m[3])
           FROM regexp_match(old_key, '^([0-9]{{2}})([a-zåäö]{{1,6}})([0-9]{{0,7}})$') AS m),
        old_key
    )
$fn$;
"""

REKEY = """
CREATE TEMPORARY TABLE case_rekey ON COMMIT DROP AS
    SELECT id, new_key, min(id) OVER (PARTITION BY body_id, new_key) AS keep_id
      FROM (SELECT id, body_id, pg_temp.dnr_key(dnr, key) AS new_key FROM minutes_case) AS k;

INSERT INTO minutes_item_cases (item_id, case_id)
    SELECT DISTINCT link.item_id, r.keep_id
      FROM minutes_item_cases AS link JOIN case_rekey AS r ON r.id = link.case_id
     WHERE r.id <> r.keep_id
    ON CONFLICT DO NOTHING;
DELETE FROM minutes_item_cases AS link USING case_rekey AS r
 WHERE r.id = link.case_id AND r.id <> r.keep_id;
DELETE FROM minutes_case AS c USING case_rekey AS r WHERE r.id = c.id AND r.id <> r.keep_id;

-- Through a key no case has, so no row meets another's old key on the way.
UPDATE minutes_case AS c SET key = '~' || c.id
  FROM case_rekey AS r WHERE r.id = c.id AND c.key <> r.new_key;
UPDATE minutes_case AS c SET key = r.new_key
  FROM case_rekey AS r WHERE r.id = c.id AND c.key <> r.new_key;
"""


class Migration(migrations.Migration):
    dependencies = [("minutes", "0016_lexeme_vocabulary")]

    operations = [migrations.RunSQL(KEY_FUNCTION + REKEY, reverse_sql=migrations.RunSQL.noop)]
