import { findCprNumbers, isValidCpr, maskCprNumbers, validateCpr } from './cpr';

// Synthetic numbers only; none is meant to identify a real person.
function passesModulus11(cpr: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...cpr].reduce((acc, digit, i) => acc + Number(digit) * weights[i], 0);
  return sum % 11 === 0;
}

describe('validateCpr', () => {
  describe('format', () => {
    it.each([
      ['with dash', '010190-1234'],
      ['without dash', '0101901234'],
      ['with surrounding whitespace', '  010190-1234\n'],
    ])('accepts %s and normalizes to 10 digits', (_label, input) => {
      expect(validateCpr(input)).toEqual({ ok: true, normalized: '0101901234', birthDate: '1990-01-01' });
    });

    it.each([
      ['empty', ''],
      ['too short', '010190-123'],
      ['too long', '010190-12345'],
      ['letters', '01019O-1234'],
      ['dash in the wrong place', '01019-01234'],
      ['two dashes', '010190--1234'],
      ['space instead of dash', '010190 1234'],
      ['inner whitespace', '0101 901234'],
      ['other separator', '010190/1234'],
    ])('rejects %s as format', (_label, input) => {
      expect(validateCpr(input)).toEqual({ ok: false, reason: 'format' });
    });
  });

  describe('date part', () => {
    it.each([
      ['day 00', '000190-1234'],
      ['day 32', '320190-1234'],
      ['month 00', '010090-1234'],
      ['month 13', '011390-1234'],
      ['31 April', '310490-1234'],
      ['30 February', '300290-1234'],
    ])('rejects %s', (_label, input) => {
      expect(validateCpr(input)).toEqual({ ok: false, reason: 'date' });
    });

    it('accepts 29 February 2000 (7th digit 4, YY <= 36 => 2000s)', () => {
      expect(validateCpr('290200-4123')).toEqual({
        ok: true,
        normalized: '2902004123',
        birthDate: '2000-02-29',
      });
    });

    it('rejects 29 February 2001', () => {
      expect(validateCpr('290201-4123')).toEqual({ ok: false, reason: 'date' });
    });

    it('rejects 29 February 1900 (7th digit 0-3 => 1900s; 1900 is not a leap year)', () => {
      expect(validateCpr('290200-1123')).toEqual({ ok: false, reason: 'date' });
    });

    it('accepts 29 February 1996', () => {
      expect(validateCpr('290296-2123')).toMatchObject({ ok: true, birthDate: '1996-02-29' });
    });
  });

  describe('century from the 7th digit', () => {
    it.each([
      ['0', '010150-0123', '1950-01-01'],
      ['3', '010199-3123', '1999-01-01'],
      ['4, YY <= 36', '010136-4123', '2036-01-01'],
      ['4, YY > 36', '010137-4123', '1937-01-01'],
      ['9, YY <= 36', '010105-9123', '2005-01-01'],
      ['9, YY > 36', '010137-9123', '1937-01-01'],
      ['5, YY <= 57', '010157-5123', '2057-01-01'],
      ['8, YY <= 57', '010100-8123', '2000-01-01'],
      ['5, YY > 57', '010158-5123', '1858-01-01'],
      ['8, YY > 57', '010199-8123', '1899-01-01'],
    ])('7th digit %s', (_label, input, birthDate) => {
      expect(validateCpr(input)).toMatchObject({ ok: true, birthDate });
    });

    it('uses the century for leap years: 29 Feb 2056 exists, 29 Feb 1858 does not', () => {
      expect(validateCpr('290256-5123')).toMatchObject({ ok: true, birthDate: '2056-02-29' });
      expect(validateCpr('290258-5123')).toEqual({ ok: false, reason: 'date' });
    });
  });

  it('does not check modulus 11 (numbers issued since 2007 need not satisfy it)', () => {
    expect(passesModulus11('0101901234')).toBe(false);
    expect(validateCpr('010190-1234')).toMatchObject({ ok: true });
  });
});

describe('isValidCpr', () => {
  it('mirrors validateCpr', () => {
    expect(isValidCpr('010190-1234')).toBe(true);
    expect(isValidCpr('010190-123')).toBe(false);
    expect(isValidCpr('290201-4123')).toBe(false);
  });
});

describe('findCprNumbers', () => {
  it('finds CPR-shaped numbers with a real date, with or without the dash, anywhere in a text', () => {
    const text = 'a 010190-1234 b,"x":"0101901234"}';
    expect(findCprNumbers(text)).toEqual([text.indexOf('010190'), text.indexOf('0101901234')]);
  });

  it('ignores impossible dates and longer or shorter runs of digits', () => {
    expect(findCprNumbers('320190-1234 1313901234 01019012345 101019-123 0101901234567')).toEqual([]);
  });

  it('ignores the digits of a UUID, about one random UUID in two hundred has ten in a row', () => {
    expect(
      findCprNumbers('reqId 9acfc5eb-91f4-461c-af2d-5e0907770101 and 5491F034-9C25-4832-896F-010190123456'),
    ).toEqual([]);
    const text = 'id 9acfc5eb-91f4-461c-af2d-5e0907770101 cpr 0101901234';
    expect(findCprNumbers(text)).toEqual([text.indexOf('0101901234')]);
  });
});

describe('maskCprNumbers', () => {
  it('masks every CPR-shaped number, a real date or not, and leaves other digits alone', () => {
    expect(maskCprNumbers('/citizens/010190-1234/x?y=3201901234&limit=50')).toBe(
      '/citizens/[cpr]/x?y=[cpr]&limit=50',
    );
    expect(maskCprNumbers('01019012345 0193a4c2-0000-7000-8000-000000000001')).toBe(
      '01019012345 0193a4c2-0000-7000-8000-000000000001',
    );
    expect(maskCprNumbers('/citizens/9acfc5eb-91f4-461c-af2d-5e0907770101/x/0101901234')).toBe(
      '/citizens/9acfc5eb-91f4-461c-af2d-5e0907770101/x/[cpr]',
    );
  });
});
