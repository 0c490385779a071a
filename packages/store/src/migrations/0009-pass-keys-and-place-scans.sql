-- 0009 passes and place codes: the signing keys of each issuing jurisdiction (private halves sealed with
-- the identifier vault), revoked passes and subjects, trust lists imported from peer instances, and the
-- scans of venue place codes (each kept with its location and, when it looks forwarded, the reason).
-- Append-only: never edit after merge; add a new numbered file instead.

-- One ES256 key pair per row. The current key of a jurisdiction is the newest one neither retired nor
-- revoked; a retired key signs nothing new but stays in the trust list until its passes have expired.
CREATE TABLE pass_signing_key (
  kid                  text PRIMARY KEY,
  jurisdiction         text NOT NULL,
  region_path          ltree NOT NULL,
  public_jwk           jsonb NOT NULL,
  private_jwk_sealed   text NOT NULL,
  not_before           timestamptz NOT NULL,
  retired_at           timestamptz,
  revoked_at           timestamptz,
  revoked_reason       text
);
CREATE UNIQUE INDEX pass_signing_key_current ON pass_signing_key (jurisdiction) WHERE retired_at IS NULL AND revoked_at IS NULL;

-- Revoked passes (by pass id) and revoked subjects (every pass of one pseudonymous subject).
CREATE TABLE pass_revocation (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  jurisdiction  text NOT NULL,
  kind          text NOT NULL CHECK (kind IN ('pass', 'subject')),
  value         text NOT NULL,
  reason        text NOT NULL,
  revoked_by    text NOT NULL,
  revoked_at    timestamptz NOT NULL,
  UNIQUE (kind, value)
);

-- The latest trust list (public keys and revocations) imported from each peer jurisdiction.
CREATE TABLE trusted_issuer (
  jurisdiction  text PRIMARY KEY,
  document      jsonb NOT NULL,
  imported_by   text NOT NULL,
  imported_at   timestamptz NOT NULL
);

-- Every scan of a signed place code by a pass holder. A trusted scan becomes a check-in (check_in_scan_id);
-- a scan that looks forwarded (far from the venue, or one of a burst from far-apart places) keeps the
-- reason and is not made a check-in.
CREATE TABLE place_code_scan (
  id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  place_id          bigint NOT NULL REFERENCES place(id),
  person_id         bigint NOT NULL REFERENCES person(id),
  scanned_at        timestamptz NOT NULL,
  lat               double precision,
  lon               double precision,
  accuracy_m        double precision,
  flagged_reason    text CHECK (flagged_reason IN ('far_from_venue', 'burst_far_apart')),
  flag_detail       jsonb,
  check_in_scan_id  text
);
CREATE INDEX place_code_scan_place_time ON place_code_scan (place_id, scanned_at);
CREATE INDEX place_code_scan_person ON place_code_scan (person_id);
CREATE INDEX place_code_scan_flagged ON place_code_scan (scanned_at) WHERE flagged_reason IS NOT NULL;
