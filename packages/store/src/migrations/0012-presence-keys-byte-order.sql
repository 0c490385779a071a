-- 0012 presence row keys compare byte for byte. Scan, record and ticket ids are opaque codes from
-- other systems: ordering them by the database's language rules buys nothing and makes every
-- comparison in their unique index (kept per row, or built when a day is attached) several times
-- dearer than comparing bytes. Equality is unchanged, so no stored row changes meaning.
-- Append-only: never edit after merge; add a new numbered file instead.
ALTER TABLE check_in ALTER COLUMN scan_id TYPE text COLLATE "C";
ALTER TABLE telecom_presence ALTER COLUMN record_id TYPE text COLLATE "C";
ALTER TABLE transport_ticket ALTER COLUMN ticket_id TYPE text COLLATE "C";

-- A day still loading beside its table (an import stopped before it ended) must match the table to
-- be attached when the import is run again.
DO $$
DECLARE
  load record;
BEGIN
  FOR load IN
    SELECT c.relname AS name, t.key
    FROM pg_class c
    JOIN (VALUES ('check_in', 'scan_id'), ('telecom_presence', 'record_id'), ('transport_ticket', 'ticket_id')) AS t (presence, key)
      ON c.relname ~ ('^' || t.presence || '_b[0-9]+_p[0-9]{8}$')
    WHERE c.relkind = 'r' AND c.relnamespace = current_schema()::regnamespace
  LOOP
    EXECUTE format('ALTER TABLE %I ALTER COLUMN %I TYPE text COLLATE "C"', load.name, load.key);
  END LOOP;
END
$$;
