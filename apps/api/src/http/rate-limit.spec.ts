import { rateLimitKey } from './rate-limit';

describe('rateLimitKey', () => {
  it('keys a request with a credential by the credential, whatever the address', () => {
    const jwt = 'Bearer eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrazEyMyJ9.c2ln';
    const a = rateLimitKey({ headers: { authorization: jwt }, ip: '10.0.0.1' });
    expect(a).toBe(rateLimitKey({ headers: { authorization: jwt }, ip: '10.0.0.2' }));
    expect(a).not.toBe(rateLimitKey({ headers: { authorization: 'Bearer hfk_system-key' }, ip: '10.0.0.1' }));
  });

  it('never keeps the credential itself, only its SHA-256', () => {
    const key = rateLimitKey({ headers: { authorization: 'Bearer hfk_secret-api-key' }, ip: '10.0.0.1' });
    expect(key).toMatch(/^credential:[0-9a-f]{64}$/);
    expect(key).not.toContain('secret');
  });

  it('keys a request without a credential by the client address', () => {
    expect(rateLimitKey({ headers: {}, ip: '10.0.0.1' })).toBe('ip:10.0.0.1');
    expect(rateLimitKey({ headers: { authorization: '' }, ip: '10.0.0.2' })).toBe('ip:10.0.0.2');
  });
});
