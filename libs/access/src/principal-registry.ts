import { UNIT_TYPES, type UnitType } from '@hf/domain/alerts/alert';
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import type { AuthenticatedPrincipal } from './principal';

/** API keys look like `hfk_<id>_<secret>`: the id finds the row, the secret is checked against its hash. */
const API_KEY = /^hfk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface UnitInput {
  id: string;
  type: UnitType;
  municipality?: string | null;
  name: string;
}

export interface IssuedKey {
  keyId: string;
  /** shown once; only its hash is stored */
  apiKey: string;
}

function hash(secret: string): Buffer {
  return createHash('sha256').update(secret).digest();
}

/** Units, principals and API keys: created by the CLI (or demo mode), read by authentication. */
export class PrincipalRegistry {
  constructor(private readonly pool: Pool) {}

  async upsertUnit(unit: UnitInput): Promise<void> {
    if (!(UNIT_TYPES as readonly string[]).includes(unit.type))
      throw new Error(`unknown unit type ${unit.type}`);
    await this.pool.query(
      `INSERT INTO units (id, type, municipality, name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, municipality = EXCLUDED.municipality, name = EXCLUDED.name`,
      [unit.id, unit.type, unit.municipality ?? null, unit.name],
    );
  }

  async createPrincipal(input: {
    kind: 'person' | 'system';
    unitId: string;
    displayName: string;
    oidcIssuer?: string;
    oidcSubject?: string;
    id?: string;
  }): Promise<string> {
    const id = input.id ?? randomUUID();
    await this.pool.query(
      `INSERT INTO principals (id, kind, unit_id, display_name, oidc_issuer, oidc_subject)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
      [id, input.kind, input.unitId, input.displayName, input.oidcIssuer ?? null, input.oidcSubject ?? null],
    );
    return id;
  }

  async issueApiKey(principalId: string): Promise<IssuedKey> {
    const keyId = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    await this.pool.query('INSERT INTO api_keys (id, principal_id, secret_hash) VALUES ($1, $2, $3)', [
      keyId,
      principalId,
      hash(secret),
    ]);
    return { keyId, apiKey: `hfk_${keyId}_${secret}` };
  }

  /** A new key; the principal's other keys keep working for `graceSeconds` so systems can switch without downtime. */
  async rotateApiKeys(principalId: string, graceSeconds: number): Promise<IssuedKey> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(
        `UPDATE api_keys SET expires_at = LEAST(coalesce(expires_at, 'infinity'), now() + make_interval(secs => $2))
          WHERE principal_id = $1 AND revoked_at IS NULL`,
        [principalId, graceSeconds],
      );
      const keyId = randomBytes(8).toString('hex');
      const secret = randomBytes(32).toString('base64url');
      await client.query('INSERT INTO api_keys (id, principal_id, secret_hash) VALUES ($1, $2, $3)', [
        keyId,
        principalId,
        hash(secret),
      ]);
      await client.query('COMMIT');
      return { keyId, apiKey: `hfk_${keyId}_${secret}` };
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async revokeApiKey(keyId: string): Promise<boolean> {
    const result = await this.pool.query(
      'UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL',
      [keyId],
    );
    return result.rowCount === 1;
  }

  async byApiKey(apiKey: string): Promise<AuthenticatedPrincipal | null> {
    const match = API_KEY.exec(apiKey);
    if (!match) return null;
    const { rows } = await this.pool.query<PrincipalRow & { secret_hash: Buffer }>(
      `${PRINCIPAL_SELECT}, k.secret_hash
         FROM api_keys k JOIN principals p ON p.id = k.principal_id JOIN units u ON u.id = p.unit_id
        WHERE k.id = $1 AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now())
          AND p.disabled_at IS NULL`,
      [match[1]],
    );
    const row = rows[0];
    if (!row || !timingSafeEqual(row.secret_hash, hash(match[2]!))) return null;
    return toPrincipal(row);
  }

  async byOidcSubject(issuer: string, subject: string): Promise<AuthenticatedPrincipal | null> {
    const { rows } = await this.pool.query<PrincipalRow>(
      `${PRINCIPAL_SELECT}
         FROM principals p JOIN units u ON u.id = p.unit_id
        WHERE p.oidc_issuer = $1 AND p.oidc_subject = $2 AND p.kind = 'person' AND p.disabled_at IS NULL`,
      [issuer, subject],
    );
    return rows[0] ? toPrincipal(rows[0]) : null;
  }
}

interface PrincipalRow {
  id: string;
  kind: 'person' | 'system';
  unit_id: string;
  unit_type: UnitType;
  municipality: string | null;
}

const PRINCIPAL_SELECT = 'SELECT p.id, p.kind, p.unit_id, u.type AS unit_type, u.municipality';

function toPrincipal(row: PrincipalRow): AuthenticatedPrincipal {
  return {
    id: row.id,
    kind: row.kind,
    unit: row.unit_id,
    unitType: row.unit_type,
    municipality: row.municipality,
  };
}
