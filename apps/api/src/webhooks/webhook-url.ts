import { isIP } from 'node:net';

/**
 * Whether a receiver URL may be used. https only; plain http to localhost / 127.0.0.1 when the deployment allows it
 * (development and tests, never production). Hosts that name this machine or a private, link-local or otherwise
 * internal network are refused (SSRF: a webhook must not become a way to reach the service's own network).
 *
 * Limits: the check is on the literal host. A public name that resolves to a private address (or is re-pointed
 * there later: DNS rebinding) is not caught here; a production deployment should also send through an egress proxy
 * or firewall that allows only public addresses. Redirects are never followed by the dispatcher.
 */
export function webhookUrlProblem(raw: string, allowLocalHttp: boolean): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URL';
  }
  if (url.username || url.password) return 'must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const local = host === 'localhost' || host === '127.0.0.1';
  if (url.protocol === 'http:' && local && allowLocalHttp) return null;
  if (url.protocol !== 'https:') return 'must use https';
  if (internalHost(host)) return 'must not point to a local or private network address';
  return null;
}

function internalHost(host: string): boolean {
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  )
    return true;
  if (!host.includes('.') && isIP(host) === 0) return true; // a single-label name resolves inside the network
  if (isIP(host) === 4) return privateIpv4(host);
  if (isIP(host) === 6) return privateIpv6(host);
  return false;
}

function privateIpv4(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 198 && (b === 18 || b === 19)) ||
    a >= 224 // multicast and reserved
  );
}

function privateIpv6(ip: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return privateIpv4(mapped[1]);
  return (
    ip === '::' ||
    ip === '::1' ||
    /^f[cd]/.test(ip) || // unique local
    /^fe[89ab]/.test(ip) || // link-local
    /^ff/.test(ip) || // multicast
    ip.startsWith('::ffff:') // mapped in hex form: refused rather than decoded
  );
}
