-- 0014 imported risk levels in this instance's names: an imported area's `level` is now the level of
-- this instance it stands for (what the colour rules read), mapped at import from the publisher's own
-- name, which `published_level` keeps for display and audit (see docs/judgment.md).
-- Append-only: never edit after merge; add a new numbered file instead.

ALTER TABLE imported_risk_area ADD COLUMN published_level text;
-- Lists imported before kept the publisher's names as their level.
UPDATE imported_risk_area SET published_level = level;
ALTER TABLE imported_risk_area ALTER COLUMN published_level SET NOT NULL;
