-- 0008 cross-region referrals: this instance's signing key, its peers, referrals sent and received,
-- and the outbox of signed messages awaiting delivery.
-- Append-only: never edit after merge; add a new numbered file instead.

-- The instance's ES256 key, generated on first use; the private half sealed with the identifier vault.
CREATE TABLE federation_key (
  id              smallint PRIMARY KEY CHECK (id = 1),
  key_id          text NOT NULL,
  public_jwk      jsonb NOT NULL,
  private_sealed  text NOT NULL,
  created_at      timestamptz NOT NULL
);

-- Other EpiGrid instances. `region_path` is the node of this instance's tree that stands for the
-- peer's territory: a task whose home lies under it is referred to that peer.
CREATE TABLE federation_peer (
  peer_id      text PRIMARY KEY,
  base_url     text NOT NULL,
  public_jwk   jsonb NOT NULL,
  region_path  ltree,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX federation_peer_region_gist ON federation_peer USING gist (region_path);

-- A task handed to a peer (status `referred` until the peer's outcome comes back).
CREATE TABLE referral_out (
  message_id          uuid PRIMARY KEY,
  task_id             bigint NOT NULL UNIQUE REFERENCES task(id),
  peer_id             text NOT NULL REFERENCES federation_peer(peer_id),
  created_at          timestamptz NOT NULL,
  outcome_message_id  uuid UNIQUE,
  answered_at         timestamptz
);

-- A referral received from a peer, stored once per message id (a replay adds nothing). The payload
-- names the person, so it is sealed. `task_id` is null when nobody in the registry matched.
CREATE TABLE referral_in (
  message_id       uuid PRIMARY KEY,
  peer_id          text NOT NULL REFERENCES federation_peer(peer_id),
  payload_sealed   text NOT NULL,
  task_id          bigint UNIQUE REFERENCES task(id),
  received_at      timestamptz NOT NULL,
  outcome_sent_at  timestamptz
);
CREATE INDEX referral_in_unanswered ON referral_in (received_at) WHERE outcome_sent_at IS NULL;

-- Signed messages to deliver, retried with backoff until the peer acknowledges them.
CREATE TABLE federation_outbox (
  id               bigserial PRIMARY KEY,
  message_id       uuid NOT NULL UNIQUE,
  peer_id          text NOT NULL REFERENCES federation_peer(peer_id),
  envelope_sealed  text NOT NULL,
  created_at       timestamptz NOT NULL,
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  delivered_at     timestamptz,
  last_error       text
);
CREATE INDEX federation_outbox_pending ON federation_outbox (next_attempt_at) WHERE delivered_at IS NULL;
