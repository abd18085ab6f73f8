import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

/** A signing secret as stored: sealed with the master key; `validUntil` set on one rotated out. */
export interface StoredSecret {
  sealed: string;
  validUntil: string | null;
}

/** A fresh Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export function generateSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * Secrets are needed in clear to sign, so they cannot be hashed like API keys; they are sealed with the master key
 * (AES-256-GCM, the subscription id as associated data) so a database dump alone does not let anyone forge.
 */
export function sealSecret(masterKey: Buffer, secret: string, subscriptionId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return ['whs1', iv, cipher.getAuthTag(), ciphertext]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join('.');
}

export function openSecret(masterKey: Buffer, sealed: string, subscriptionId: string): string {
  const [format, iv, tag, ciphertext] = sealed.split('.');
  if (format !== 'whs1' || !iv || !tag || ciphertext === undefined) throw new Error('unknown sealed secret');
  const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64'));
  decipher.setAAD(Buffer.from(subscriptionId, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}

/**
 * `webhook-signature` with one signature per secret still valid at `now`: during a rotation both the new and the
 * old secret sign (Standard Webhooks: space-separated), so a receiver that still has the old one keeps verifying.
 */
export function signatureHeader(
  secrets: readonly string[],
  webhookId: string,
  timestamp: Date,
  body: string,
): string {
  return secrets.map((secret) => new Webhook(secret).sign(webhookId, timestamp, body)).join(' ');
}

export function secretsValidAt(stored: readonly StoredSecret[], now: Date): StoredSecret[] {
  return stored.filter((s) => s.validUntil === null || Date.parse(s.validUntil) > now.getTime());
}
