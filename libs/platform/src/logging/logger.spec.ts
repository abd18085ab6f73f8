import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('never logs the Authorization header: requests are logged without headers, other headers redacted', () => {
    const { logger, lines } = capture();
    const authorization = 'Bearer hfk_logger-spec-secret';
    logger.info({ req: { method: 'GET', url: '/x', headers: { authorization } } }, 'request');
    logger.info({ headers: { authorization } }, 'headers');
    logger.warn({ upstream: { headers: { authorization } } }, 'nested');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toContain('logger-spec-secret');
    expect(JSON.parse(lines[0]).req).toEqual({ method: 'GET', url: '/x' });
    expect(JSON.parse(lines[1]).headers.authorization).toBe('[redacted]');
    expect(JSON.parse(lines[2]).upstream.headers.authorization).toBe('[redacted]');
  });

  it('masks CPR-shaped numbers in logged URLs and error messages', () => {
    const { logger, lines } = capture();
    logger.info({ req: { method: 'GET', url: '/citizens/010190-1234/timeline?q=0101901234' } }, 'request');
    logger.error({ err: new Error('invalid input syntax for type uuid: "0101901234"') }, 'failed');
    expect(JSON.parse(lines[0]).req.url).toBe('/citizens/[cpr]/timeline?q=[cpr]');
    expect(JSON.parse(lines[1]).err.message).toBe('invalid input syntax for type uuid: "[cpr]"');
    expect(lines.join('')).not.toContain('0101901234');
  });

  it('redacts CPR, name and alias fields', () => {
    const { logger, lines } = capture();
    logger.info({ citizen: { cpr: '0101901234', name: 'Spec Person', alias: 'Specky' } }, 'citizen');
    expect(lines[0]).not.toMatch(/0101901234|Spec Person|Specky/);
  });
});
