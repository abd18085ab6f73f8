import { entryVisible, mayAccessCitizen, type CitizenAccessFacts, type Viewer } from './visibility';

const viewer = (type: Viewer['unit']['type'], over: Partial<Viewer> = {}): Viewer => ({
  principalId: 'p-1',
  unit: {
    id: `unit-${type}`,
    type,
    municipality: ['psychiatry', 'hospital', 'prison'].includes(type) ? null : '101',
  },
  purpose: 'case-work',
  breakGlass: false,
  ...over,
});
const facts = (over: Partial<CitizenAccessFacts> = {}): CitizenAccessFacts => ({
  handlekommuner: ['101'],
  municipalities: [],
  namedUnits: [],
  consents: [],
  ...over,
});
const health = (legalBasis: string | null, relatedUnits: string[] = []) => ({
  category: 'health' as const,
  recordedByUnit: 'unit-psychiatry',
  relatedUnits,
  legalBasis,
});

describe('the visibility policy', () => {
  describe('given a citizen of Copenhagen (101)', () => {
    it('a municipal unit of 101 sees the citizen, one of Aarhus (751) does not, unless tied to it', () => {
      expect(mayAccessCitizen(viewer('jobcentre'), facts())).toBe(true);
      const aarhus = viewer('jobcentre', { unit: { id: 'jc-751', type: 'jobcentre', municipality: '751' } });
      expect(mayAccessCitizen(aarhus, facts())).toBe(false);
      expect(mayAccessCitizen(aarhus, facts({ municipalities: ['751'] }))).toBe(true);
      expect(mayAccessCitizen(aarhus, facts({ namedUnits: ['jc-751'] }))).toBe(true);
    });

    it('a shelter or an external sender sees it only when named in its record', () => {
      expect(mayAccessCitizen(viewer('shelter'), facts())).toBe(false);
      expect(mayAccessCitizen(viewer('shelter'), facts({ namedUnits: ['unit-shelter'] }))).toBe(true);
      expect(mayAccessCitizen(viewer('hospital'), facts())).toBe(false);
    });
  });

  describe('health data', () => {
    it('reaches the social authority under §12 c but a shelter only under a §13 c plan that names it', () => {
      expect(entryVisible(viewer('social-authority'), health('retssikkerhedsloven §12 c'), facts())).toBe(
        true,
      );
      expect(entryVisible(viewer('shelter'), health('retssikkerhedsloven §12 c'), facts())).toBe(false);
      expect(entryVisible(viewer('shelter'), health('psykiatriloven §13 a-c'), facts())).toBe(false);
      expect(
        entryVisible(viewer('shelter'), health('psykiatriloven §13 a-c', ['unit-shelter']), facts()),
      ).toBe(true);
    });

    it('under forvaltningsloven §28 needs a consent naming the unit, the category and the purpose', () => {
      const consent = {
        consentId: 'c',
        purpose: 'housing-first-coordination',
        recipientUnitIds: [],
        recipientUnitTypes: ['social-authority'],
        categories: ['health'],
      };
      const sa = viewer('social-authority', { purpose: 'housing-first-coordination' });
      expect(entryVisible(sa, health('forvaltningsloven §28'), facts())).toBe(false);
      expect(entryVisible(sa, health('forvaltningsloven §28'), facts({ consents: [consent] }))).toBe(true);
      expect(
        entryVisible(
          { ...sa, purpose: 'case-work' },
          health('forvaltningsloven §28'),
          facts({ consents: [consent] }),
        ),
      ).toBe(false);
      expect(
        entryVisible(
          sa,
          health('forvaltningsloven §28'),
          facts({ consents: [{ ...consent, categories: ['employment'] }] }),
        ),
      ).toBe(false);
    });

    it('never reaches the jobcentre or the benefits office, but always a break-glass reader', () => {
      expect(entryVisible(viewer('jobcentre'), health('retssikkerhedsloven §12 c'), facts())).toBe(false);
      expect(entryVisible(viewer('benefits'), health('psykiatriloven §13 a-c'), facts())).toBe(false);
      expect(
        entryVisible(
          viewer('social-authority', { breakGlass: true }),
          health('forvaltningsloven §28'),
          facts(),
        ),
      ).toBe(true);
    });
  });

  it('external senders read back their own notices and nothing else', () => {
    expect(entryVisible(viewer('psychiatry'), health('psykiatriloven §13 a-c'), facts())).toBe(true);
    expect(entryVisible(viewer('hospital'), health('psykiatriloven §13 a-c'), facts())).toBe(false);
    const identity = {
      category: 'identity' as const,
      recordedByUnit: 'x',
      relatedUnits: [],
      legalBasis: null,
    };
    expect(entryVisible(viewer('psychiatry'), identity, facts())).toBe(false);
  });
});
