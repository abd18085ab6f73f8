import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  InvalidHospitalNotification,
  medcomCodeOf,
  parseHospitalNotification,
} from './hospital-notification';

const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(
    readFileSync(join(__dirname, '../../../../../test/fixtures/medcom', `${name}.json`), 'utf8'),
  ) as Record<string, unknown>;

type Entry = { resource: Record<string, unknown> };
const resource = (bundle: Record<string, unknown>, type: string) =>
  (bundle.entry as Entry[]).map((e) => e.resource).find((r) => r.resourceType === type) as Record<
    string,
    unknown
  >;

const issuesOf = (body: unknown) => {
  try {
    parseHospitalNotification(body);
  } catch (error) {
    if (error instanceof InvalidHospitalNotification) return error.issues;
    throw error;
  }
  throw new Error('parsed');
};

describe('reading a MedCom HospitalNotification', () => {
  it.each([
    ['admit-inpatient', 'STIN'],
    ['admit-emergency', 'STAA'],
    ['start-leave-inpatient', 'STOR'],
    ['end-leave-inpatient', 'SLOR'],
    ['discharge-inpatient-home', 'SLHJ'],
    ['discharge-emergency-home', 'SLHJ'],
    ['deceased-inpatient', 'MORS'],
    ['deceased-emergency', 'MORS'],
    ['revise-admit-inpatient', 'RE_STIN'],
    ['cancel-discharge-emergency-home', 'AN_SLHJ'],
    ['RE_STOR', 'RE_STOR'],
    ['AN_MORS', 'AN_MORS'],
  ])('maps the activity %s to %s', (activity, code) => {
    expect(medcomCodeOf(activity)).toBe(code);
  });

  it.each(['teleport-inpatient', 'revise-', 'XX_STIN', 'STIX', ''])('knows no code for %j', (activity) => {
    expect(medcomCodeOf(activity)).toBeUndefined();
  });

  it('reads the STIN example: message id, CPR, episode of care, admission time, municipality', () => {
    expect(parseHospitalNotification(fixture('stin'))).toEqual({
      messageId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404',
      code: 'STIN',
      noticeCode: 'STIN',
      cpr: '0707614285',
      patientName: 'Elmer',
      municipality: '101',
      episodeId: 'https://sor2.sum.dsdn.dk/#id=265161000016000|bd481c38-a921-11ed-afa1-0242ac120002',
      occurredAt: new Date('2022-12-07T10:00:00Z'),
      sentAt: new Date('2022-12-07T10:00:02Z'),
      senderName: 'Hjerteafdelingen på Herlev og Gentofte hospital',
    });
  });

  it("takes the code from this message's Provenance, not from the earlier ones carried along", () => {
    const slor = parseHospitalNotification(fixture('slor'));
    expect(slor).toMatchObject({
      code: 'SLOR',
      occurredAt: new Date('2022-12-14T13:30:00Z'),
    });
    expect(slor.referencedMessageId).toBeUndefined();
    const revised = parseHospitalNotification(fixture('re-stin'));
    expect(revised).toMatchObject({
      code: 'RE_STIN',
      noticeCode: 'STIN',
      occurredAt: new Date('2022-12-07T11:00:00Z'),
      sentAt: new Date('2022-12-07T12:00:02Z'),
      referencedMessageId: 'b9b4818e-02de-4cc4-b418-d20cbc7b5404',
    });
  });

  it('reads discharge and death times from Encounter.period.end', () => {
    expect(parseHospitalNotification(fixture('slhj-acute-ambulant'))).toMatchObject({
      code: 'SLHJ',
      occurredAt: new Date('2022-12-02T20:00:09Z'),
    });
    expect(parseHospitalNotification(fixture('mors-inpatient'))).toMatchObject({ code: 'MORS' });
  });

  it('refuses what is not a HospitalNotification, naming the element and never quoting the message', () => {
    expect(issuesOf({ resourceType: 'Patient' })).toEqual([
      expect.objectContaining({ expression: 'Bundle' }),
    ]);
    const noHeader = fixture('stin');
    (noHeader.entry as Entry[]).shift();
    expect(issuesOf(noHeader)[0].expression).toBe('Bundle.entry[0].resource');
    const wrongEvent = fixture('stin');
    resource(wrongEvent, 'MessageHeader').eventCoding = { code: 'care-communication-message' };
    expect(issuesOf(wrongEvent)[0]).toMatchObject({
      code: 'code-invalid',
      expression: 'MessageHeader.eventCoding',
    });
    const badCpr = fixture('stin');
    resource(badCpr, 'Patient').identifier = [{ system: 'urn:oid:1.2.208.176.1.2', value: '3213991234' }];
    const issue = issuesOf(badCpr)[0];
    expect(issue).toMatchObject({ code: 'value', expression: 'Patient.identifier.value' });
    expect(JSON.stringify(issue)).not.toContain('3213991234');
    const noEpisode = fixture('stin');
    resource(noEpisode, 'Encounter').episodeOfCare = [];
    expect(issuesOf(noEpisode)[0].expression).toBe('Encounter.episodeOfCare.identifier');
    const zoneless = fixture('stin');
    resource(zoneless, 'Encounter').period = { start: '2022-12-07T12:00:00' };
    expect(issuesOf(zoneless)[0]).toMatchObject({ code: 'value', expression: 'Encounter.period.start' });
  });
});
