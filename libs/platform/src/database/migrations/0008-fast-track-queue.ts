/**
 * The benefits office's fast-track queue: deposit and moving-expense applications, and the housing offers they
 * may be linked to (an offer's lease-signing deadline orders the queue when the application has none). Both are
 * kept by the same projection, so the join never mixes two projections' progress.
 */
export const sql = `
CREATE TABLE fast_track_applications (
  citizen_id              uuid NOT NULL,
  application_id          text NOT NULL,
  kind                    text NOT NULL,
  legal_basis             text NOT NULL,
  amount_kr               numeric(12, 2) NOT NULL,
  deciding_municipality   text NOT NULL,
  linked_offer_id         text,
  lease_signing_deadline  date,
  submitted_at            timestamptz NOT NULL,
  fast_tracked_at         timestamptz,
  fast_track_reason       text,
  documentation_requested integer NOT NULL DEFAULT 0,
  documentation_received  integer NOT NULL DEFAULT 0,
  decided_at              timestamptz,
  outcome                 text,
  PRIMARY KEY (citizen_id, application_id)
);
CREATE INDEX fast_track_applications_open_idx
  ON fast_track_applications (deciding_municipality, submitted_at) WHERE decided_at IS NULL;

CREATE TABLE fast_track_offers (
  citizen_id             uuid NOT NULL,
  offer_id               text NOT NULL,
  lease_signing_deadline date NOT NULL,
  offered_at             timestamptz NOT NULL,
  status                 text NOT NULL,
  PRIMARY KEY (citizen_id, offer_id)
);
`;
