import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

const ALGORITHM = 'aes-256-gcm';
const FORMAT = 'v1';

/**
 * Personal data (CPR, names, birth dates) is sealed with a data key of the citizen's own, and that
 * key is wrapped by the master key. Deleting the citizen's key row makes every sealed copy
 * unreadable at once (crypto-shredding), in events and read models alike. The citizen id is bound
 * into each ciphertext as associated data, so a sealed value cannot be replayed under another citizen.
 */
export class PersonalDataVault {
  constructor(
    private readonly pool: Pool,
    private readonly masterKey: Buffer,
    private readonly cprLookupKey: Buffer,
  ) {}

  /** Creates the citizen's data key unless it exists; returns nothing so keys never leave the vault. */
  async ensureKey(citizenId: string): Promise<void> {
    const wrapped = encrypt(this.masterKey, randomBytes(32), citizenId);
    await this.pool.query(
      'INSERT INTO citizen_keys (citizen_id, wrapped_key) VALUES ($1, $2) ON CONFLICT (citizen_id) DO NOTHING',
      [citizenId, Buffer.from(wrapped)],
    );
  }

  async seal(citizenId: string, value: unknown): Promise<string> {
    const key = await this.dataKey(citizenId);
    if (!key) throw new Error('the citizen has no data key (erased or never created)');
    return encrypt(key, Buffer.from(JSON.stringify(value), 'utf8'), citizenId);
  }

  /** The sealed value, or null when the citizen's key has been shredded. */
  async open<T>(citizenId: string, sealed: string): Promise<T | null> {
    const key = await this.dataKey(citizenId);
    if (!key) return null;
    return JSON.parse(decrypt(key, sealed, citizenId).toString('utf8')) as T;
  }

  /** Keyed hash for finding a citizen by CPR; the CPR itself is never stored in clear. */
  cprHash(normalizedCpr: string): Buffer {
    return createHmac('sha256', this.cprLookupKey).update(normalizedCpr).digest();
  }

  /**
   * Claims a CPR for a citizen id. When the CPR is already claimed, returns the id it belongs to, so
   * the caller can tell a real duplicate from a claim left behind by a registration that never
   * appended its event (then the earlier id is reused).
   */
  async claimCpr(normalizedCpr: string, citizenId: string): Promise<{ citizenId: string; claimed: boolean }> {
    const hash = this.cprHash(normalizedCpr);
    const inserted = await this.pool.query<{ citizen_id: string }>(
      `INSERT INTO citizen_cpr_lookup (cpr_hmac, citizen_id) VALUES ($1, $2)
       ON CONFLICT (cpr_hmac) DO NOTHING RETURNING citizen_id`,
      [hash, citizenId],
    );
    if (inserted.rowCount === 1) return { citizenId, claimed: true };
    const existing = await this.findByCpr(normalizedCpr);
    if (!existing) throw new Error('CPR claim vanished while registering');
    return { citizenId: existing, claimed: false };
  }

  /**
   * Crypto-shredding: deletes the citizen's data key, which makes every sealed copy of their personal data
   * unreadable, and their CPR look-up rows (an HMAC of a CPR number is still pseudonymous personal data, and
   * would let anyone holding the look-up key confirm a guessed CPR number). Runs on the caller's transaction, so
   * that it commits together with the event that records the erasure, or not at all.
   */
  async shred(tx: PoolClient, citizenId: string): Promise<{ keys: number; cprLookups: number }> {
    const keys = await tx.query('DELETE FROM citizen_keys WHERE citizen_id = $1', [citizenId]);
    const lookups = await tx.query('DELETE FROM citizen_cpr_lookup WHERE citizen_id = $1', [citizenId]);
    return { keys: keys.rowCount ?? 0, cprLookups: lookups.rowCount ?? 0 };
  }

  async findByCpr(normalizedCpr: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ citizen_id: string }>(
      'SELECT citizen_id FROM citizen_cpr_lookup WHERE cpr_hmac = $1',
      [this.cprHash(normalizedCpr)],
    );
    return rows[0]?.citizen_id ?? null;
  }

  private async dataKey(citizenId: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ wrapped_key: Buffer }>(
      'SELECT wrapped_key FROM citizen_keys WHERE citizen_id = $1',
      [citizenId],
    );
    if (rows.length === 0) return null;
    return decrypt(this.masterKey, rows[0].wrapped_key.toString('utf8'), citizenId);
  }
}

function encrypt(key: Buffer, plaintext: Buffer, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return [
    FORMAT,
    iv.toString('base64'),
    cipher.getAuthTag().toString('base64'),
    ciphertext.toString('base64'),
  ].join('.');
}

function decrypt(key: Buffer, sealed: string, associatedData: string): Buffer {
  const [format, iv, tag, ciphertext] = sealed.split('.');
  if (format !== FORMAT || !iv || !tag || ciphertext === undefined) throw new Error('unknown sealed format');
  const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]);
}
