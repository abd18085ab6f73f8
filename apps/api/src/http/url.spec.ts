import { literalIfUndecodable } from './url';

describe('literalIfUndecodable', () => {
  it('leaves decodable paths and every query string alone', () => {
    expect(literalIfUndecodable('/citizens/a%20b/timeline?x=%ZZ')).toBe('/citizens/a%20b/timeline?x=%ZZ');
  });

  it.each([
    ['an escape that is not hex', '/citizens/%ZZ/timeline?q=1', '/citizens/%25ZZ/timeline?q=1'],
    ['a lone percent sign', '/citizens/50%/x', '/citizens/50%25/x'],
    ['bytes that are not UTF-8', '/citizens/%FF%20/x', '/citizens/%25FF%2520/x'],
  ])('escapes every percent sign of a path with %s', (_, url, literal) => {
    expect(literalIfUndecodable(url)).toBe(literal);
    expect(() => decodeURIComponent(literalIfUndecodable(url).split('?')[0])).not.toThrow();
  });
});
