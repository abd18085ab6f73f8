/** §110 shelter stays, one row per stay, for the stay list with its refund clock; written only by its projection. */
export const sql = `
CREATE TABLE shelter_stays (
  citizen_id                     uuid NOT NULL,
  stay_id                        text NOT NULL,
  shelter_id                     text NOT NULL,
  shelter_name                   text NOT NULL,
  municipality_of_stay           text NOT NULL,
  handlekommune                  text NOT NULL,
  referral                       text NOT NULL,
  home_situation                 text NOT NULL,
  admitted_at                    timestamptz NOT NULL,
  handlekommune_notified_at      timestamptz,
  stay_plan_made_at              timestamptz,
  municipal_discharge_decided_at timestamptz,
  discharged_at                  timestamptz,
  destination                    text,
  planned_discharge              boolean,
  aftercare_started_at           timestamptz,
  aftercare_ended_at             timestamptz,
  PRIMARY KEY (citizen_id, stay_id)
);
CREATE INDEX shelter_stays_open_idx ON shelter_stays (citizen_id) WHERE discharged_at IS NULL;
`;
