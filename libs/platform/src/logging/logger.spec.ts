import { createLogger } from './logger';

function capture() {
  const lines: string[] = [];
  const logger = createLogger('debug', { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('redacts the Authorization header wherever a request or its headers are logged', () => {
    const { logger, lines } = capture();
    const authorization = 'Bearer hfk_logger-spec-secret';
    logger.info({ req: { method: 'GET', headers: { authorization } } }, 'request');
    logger.info({ headers: { authorization } }, 'headers');
    logger.warn({ upstream: { headers: { authorization } } }, 'nested');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain('logger-spec-secret');
      expect(line).toContain('[redacted]');
    }
  });

  it('redacts CPR, name and alias fields', () => {
    const { logger, lines } = capture();
    logger.info({ citizen: { cpr: '0101901234', name: 'Spec Person', alias: 'Specky' } }, 'citizen');
    expect(lines[0]).not.toMatch(/0101901234|Spec Person|Specky/);
  });
});
