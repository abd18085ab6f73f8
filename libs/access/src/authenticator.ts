import {
  createLocalJWKSet,
  createRemoteJWKSet,
  importSPKI,
  JWTVerifyGetKey,
  jwtVerify,
  type KeyLike,
} from 'jose';
import type { AuthenticatedPrincipal } from './principal';
import { PrincipalRegistry } from './principal-registry';

export interface OidcOptions {
  issuer: string;
  audience: string;
  /** where the identity provider publishes its signing keys */
  jwksUrl?: string;
  /** or one PEM public key (SPKI) and its algorithm, for providers without JWKS or for tests */
  publicKeyPem?: string;
  publicKeyAlg?: string;
  /** or a JWKS document inline */
  jwks?: { keys: Record<string, unknown>[] };
}

/** Why a credential was refused; the reason is for logs and metrics, the caller only learns "401". */
export class AuthenticationError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

const ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

/**
 * People present an OIDC access token (a JWT checked for signature, issuer, audience and expiry with `jose`) and
 * are known by issuer and subject; systems present an API key. Either way the result is a principal acting for
 * one registered unit. Both arrive as `Authorization: Bearer …`; API keys are recognised by their `hfk_` prefix.
 */
export class Authenticator {
  private keySource?: Promise<KeyLike | JWTVerifyGetKey>;

  constructor(
    private readonly registry: PrincipalRegistry,
    private readonly oidc?: OidcOptions,
  ) {}

  async authenticate(authorization: string | undefined): Promise<AuthenticatedPrincipal> {
    if (authorization === undefined) throw new AuthenticationError('missing-credentials');
    const match = /^Bearer ([\x21-\x7e]{1,8192})$/.exec(authorization);
    if (!match) throw new AuthenticationError('malformed-authorization-header');
    const token = match[1]!;
    if (token.startsWith('hfk_')) {
      const principal = await this.registry.byApiKey(token);
      if (!principal) throw new AuthenticationError('unknown-or-revoked-api-key');
      return principal;
    }
    return this.fromJwt(token);
  }

  private async fromJwt(token: string): Promise<AuthenticatedPrincipal> {
    if (!this.oidc) throw new AuthenticationError('oidc-not-configured');
    let subject: string | undefined;
    try {
      const { payload } = await jwtVerify(token, (await this.keys()) as JWTVerifyGetKey, {
        issuer: this.oidc.issuer,
        audience: this.oidc.audience,
        algorithms: this.oidc.publicKeyAlg ? [this.oidc.publicKeyAlg] : ALGORITHMS,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 30,
      });
      subject = payload.sub;
    } catch {
      throw new AuthenticationError('invalid-token');
    }
    const principal = subject ? await this.registry.byOidcSubject(this.oidc.issuer, subject) : null;
    if (!principal) throw new AuthenticationError('unknown-person');
    return principal;
  }

  private keys(): Promise<KeyLike | JWTVerifyGetKey> {
    const oidc = this.oidc!;
    this.keySource ??= (async () => {
      if (oidc.jwksUrl) return createRemoteJWKSet(new URL(oidc.jwksUrl));
      if (oidc.jwks) return createLocalJWKSet(oidc.jwks as never);
      if (oidc.publicKeyPem) return importSPKI(oidc.publicKeyPem, oidc.publicKeyAlg ?? 'RS256');
      throw new AuthenticationError('oidc-not-configured');
    })();
    return this.keySource;
  }
}
