/**
 * The citizen-status read model: the facts a summary or a sanction-risk check needs, one row per thing
 * (citizen, contact role, tenancy, support course, institution stay), written only by its projection.
 * Instants are occurredAt values (when it happened in the world); planned dates are plain dates.
 * Ids made inside a stream are text: the model does not depend on them being UUIDs.
 */
export const sql = `
CREATE TABLE citizen_status (
  citizen_id              uuid PRIMARY KEY,
  handlekommune           text,
  registered_at           timestamptz,
  died_at                 timestamptz,
  jobcentre_caseworker_id text,
  jobcentre_unit_id       text,
  jobcentre_assigned_at   timestamptz
);

CREATE TABLE citizen_contacts (
  citizen_id    uuid NOT NULL,
  role          text NOT NULL,
  staff_id      text NOT NULL,
  unit_id       text NOT NULL,
  channel_kind  text,
  channel_value text,
  assigned_at   timestamptz NOT NULL,
  PRIMARY KEY (citizen_id, role)
);

CREATE TABLE citizen_tenancies (
  citizen_id      uuid NOT NULL,
  offer_id        text NOT NULL,
  offered_at      timestamptz,
  offer_status    text NOT NULL,
  lease_type      text,
  lease_signed_at timestamptz,
  lease_starts_on date,
  moved_in_at     timestamptz,
  ended_at        timestamptz,
  end_reason      text,
  PRIMARY KEY (citizen_id, offer_id)
);

CREATE TABLE citizen_support_courses (
  citizen_id         uuid NOT NULL,
  support_id         text NOT NULL,
  method             text NOT NULL,
  legal_basis        text NOT NULL,
  provider_unit_id   text,
  decided_at         timestamptz,
  started_at         timestamptz,
  cti_phase          text,
  cti_planned_end    date,
  paused_at          timestamptz,
  pause_reason       text,
  contact_lost_since timestamptz,
  ended_at           timestamptz,
  end_kind           text,
  end_reason         text,
  PRIMARY KEY (citizen_id, support_id)
);

CREATE TABLE citizen_institution_stays (
  citizen_id     uuid NOT NULL,
  institution    text NOT NULL CHECK (institution IN ('hospital', 'prison')),
  stay_id        text NOT NULL,
  admission_kind text,
  started_at     timestamptz NOT NULL,
  expected_end   date,
  ended_at       timestamptz,
  PRIMARY KEY (citizen_id, institution, stay_id)
);
`;
