import { webhookUrlProblem } from './webhook-url';

describe('webhook receiver URLs', () => {
  it('accepts public https endpoints', () => {
    expect(webhookUrlProblem('https://hooks.forsorgshjem.dk/hf', false)).toBeNull();
    expect(webhookUrlProblem('https://93.184.216.34/hook', false)).toBeNull();
  });

  it('accepts plain http to localhost only when the deployment allows it', () => {
    expect(webhookUrlProblem('http://localhost:4000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:4000/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:4000/hook', false)).toBe('must use https');
    expect(webhookUrlProblem('http://hooks.forsorgshjem.dk/hf', true)).toBe('must use https');
  });

  it('refuses local and private hosts over https (SSRF)', () => {
    for (const url of [
      'https://localhost/x',
      'https://127.0.0.1/x',
      'https://10.1.2.3/x',
      'https://172.20.0.1/x',
      'https://192.168.1.10/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://db.internal/x',
      'https://printer.local/x',
      'https://intranet/x',
    ])
      expect({ url, problem: webhookUrlProblem(url, false) }).toEqual({
        url,
        problem: 'must not point to a local or private network address',
      });
  });

  it('refuses other schemes, credentials and garbage', () => {
    expect(webhookUrlProblem('ftp://example.dk/x', false)).toBe('must use https');
    expect(webhookUrlProblem('https://user:pw@example.dk/x', false)).toBe('must not carry credentials');
    expect(webhookUrlProblem('not a url', false)).toBe('must be an absolute URL');
  });
});
