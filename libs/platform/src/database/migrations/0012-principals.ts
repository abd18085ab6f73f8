/**
 * Who may call the API (DOMAIN.md §3): units by function (one function in one municipality or region, or a named
 * §110 shelter, housing association, ward or prison), and principals that each act for exactly one unit. People
 * sign in through OIDC and are matched by issuer and subject; systems use API keys, of which only a SHA-256 hash
 * is stored (keys are 256-bit random, so a fast hash is enough: there is nothing to brute-force). A key can be
 * rotated (the old one keeps working until it expires) and revoked. Nothing here is personal data about citizens.
 */
export const sql = `
CREATE TABLE units (
  id           text PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
  type         text NOT NULL,
  municipality text,
  name         text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE principals (
  id           uuid PRIMARY KEY,
  kind         text NOT NULL CHECK (kind IN ('person', 'system')),
  unit_id      text NOT NULL REFERENCES units (id),
  display_name text NOT NULL,
  oidc_issuer  text,
  oidc_subject text,
  created_at   timestamptz NOT NULL DEFAULT now(),
  disabled_at  timestamptz,
  UNIQUE (oidc_issuer, oidc_subject),
  CHECK (kind = 'system' OR oidc_subject IS NOT NULL)
);
CREATE TABLE api_keys (
  id           text PRIMARY KEY,
  principal_id uuid NOT NULL REFERENCES principals (id),
  secret_hash  bytea NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz,
  revoked_at   timestamptz
);
CREATE INDEX api_keys_principal_idx ON api_keys (principal_id);
ALTER TABLE read_audit_log ADD COLUMN break_glass boolean NOT NULL DEFAULT false;
ALTER TABLE read_audit_log ADD COLUMN outcome text NOT NULL DEFAULT 'allowed';
`;
