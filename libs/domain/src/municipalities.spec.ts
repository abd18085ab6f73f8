import { isMunicipalityCode, MUNICIPALITIES, municipalityName } from './municipalities';

describe('municipalities', () => {
  it('has exactly the 98 Danish municipalities', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
  });

  it('has unique, three-digit codes and unique names', () => {
    const codes = MUNICIPALITIES.map((m) => m.code);
    expect(new Set(codes).size).toBe(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.name)).size).toBe(98);
    for (const code of codes) expect(code).toMatch(/^\d{3}$/);
  });

  it.each([
    ['101', 'København'],
    ['147', 'Frederiksberg'],
    ['265', 'Roskilde'],
    ['400', 'Bornholm'],
    ['461', 'Odense'],
    ['751', 'Aarhus'],
    ['851', 'Aalborg'],
    ['860', 'Hjørring'],
  ])('%s is %s', (code, name) => {
    expect(isMunicipalityCode(code)).toBe(true);
    expect(municipalityName(code)).toBe(name);
  });

  it.each([
    ['Christiansø (not a municipality)', '411'],
    ['unused code', '999'],
    ['zero-padded form', '0101'],
    ['empty', ''],
    ['prototype key', 'toString'],
  ])('rejects %s', (_label, code) => {
    expect(isMunicipalityCode(code)).toBe(false);
    expect(municipalityName(code)).toBeUndefined();
  });

  it('cannot be mutated', () => {
    expect(Object.isFrozen(MUNICIPALITIES)).toBe(true);
    expect(Object.isFrozen(MUNICIPALITIES[0])).toBe(true);
  });
});
