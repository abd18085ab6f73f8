import { isMunicipalityCode, validateCpr } from '@hf/domain';
import { MEDCOM_NOTICE_CODES, MedcomCode, MedcomNoticeCode } from '@hf/domain/institution/institution';

/**
 * Reading a MedCom HospitalNotification (FHIR R4 message Bundle, DOMAIN.md §7) into the few facts this service
 * keeps. Pure: no Nest, no I/O. Only the elements used here are typed and checked; the rest of the message is
 * ignored (this is not a FHIR profile validator, see README "MedCom HospitalNotification").
 *
 * Why hand-written types: the npm registry this project uses only offers `@types/fhir` 3.0.2 (FHIR STU3), and a
 * FHIR server or full validator would be far bigger than the handful of paths read here.
 *
 * Every problem is reported with a FHIRPath-like location and a text that never quotes the message: the message
 * holds a CPR number and a name, and the text goes back to the sender and into logs.
 */

export const CPR_SYSTEM = 'urn:oid:1.2.208.176.1.2';
export const HOSPITAL_NOTIFICATION_EVENT = 'hospital-notification-message';
export const MEDCOM_EVENT_SYSTEM =
  'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-eventCodes';
export const MEDCOM_ACTIVITY_SYSTEM =
  'http://medcomfhir.dk/ig/terminology/CodeSystem/medcom-messaging-activityCodes';

/** The MedCom activity codes (Provenance.activity) for each notice; RE_/AN_ use `revise-`/`cancel-` + these. */
const ACTIVITY_CODES: Record<string, MedcomNoticeCode> = {
  'admit-inpatient': 'STIN',
  'admit-emergency': 'STAA',
  'start-leave-inpatient': 'STOR',
  'end-leave-inpatient': 'SLOR',
  'discharge-inpatient-home': 'SLHJ',
  'discharge-emergency-home': 'SLHJ',
  'deceased-inpatient': 'MORS',
  'deceased-emergency': 'MORS',
};

export type HospitalNotification = {
  /** MessageHeader.id: the sender's message id; RE_/AN_ messages refer to earlier ones by it */
  messageId: string;
  code: MedcomCode;
  /** the notice that a RE_/AN_ message revises or cancels, else the code itself */
  noticeCode: MedcomNoticeCode;
  /** normalized (ten digits); never logged, never in a response */
  cpr: string;
  patientName?: string;
  /** kommunekode from the Patient's address, when the message has one */
  municipality?: string;
  /** `system|value` of Encounter.episodeOfCare.identifier: the link between the notices of one stay */
  episodeId: string;
  /** when the notice happened (for RE_xx: the corrected time of the revised notice) */
  occurredAt: Date;
  /** when the message was created (Provenance.occurredDateTime, else Bundle.timestamp) */
  sentAt: Date;
  /** the earlier message a RE_/AN_ message names (Provenance.entity.what) */
  referencedMessageId?: string;
  /** the sending organisation's name (MessageHeader.sender), for the summaries */
  senderName?: string;
};

export type NotificationIssue = {
  code: 'structure' | 'required' | 'value' | 'code-invalid' | 'not-supported';
  expression: string;
  diagnostics: string;
};

export class InvalidHospitalNotification extends Error {
  constructor(readonly issues: NotificationIssue[]) {
    super('The HospitalNotification message is not valid');
  }
}

type Json = Record<string, unknown>;
type Entry = { fullUrl?: string; resource: Json };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

function fail(code: NotificationIssue['code'], expression: string, diagnostics: string): never {
  throw new InvalidHospitalNotification([{ code, expression, diagnostics }]);
}

function instant(value: unknown, expression: string): Date {
  const text = str(value);
  if (text === undefined) fail('required', expression, 'a date-time is required');
  // FHIR dateTime with a time carries a zone; without one the instant is ambiguous.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) {
    fail('value', expression, 'must be a FHIR dateTime with time and zone');
  }
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) fail('value', expression, 'is not a valid date-time');
  return date;
}

/** Resolves a reference inside the Bundle: by fullUrl, or by `Type/id` against the entries' resources. */
function resolve(entries: Entry[], reference: unknown, type: string): Entry | undefined {
  const ref = str(reference);
  if (ref === undefined) return undefined;
  return entries.find(
    (e) =>
      e.resource.resourceType === type &&
      (e.fullUrl === ref ||
        ref === `${type}/${String(e.resource.id)}` ||
        ref.endsWith(`/${type}/${String(e.resource.id)}`) ||
        ref === String(e.resource.id)),
  );
}

function lastSegment(reference: unknown): string | undefined {
  const ref = str(reference);
  return ref === undefined ? undefined : ref.split('/').pop();
}

/** `admit-inpatient` → STIN, `revise-admit-inpatient` → RE_STIN, `cancel-…` → AN_…; the short codes too. */
export function medcomCodeOf(activity: string): MedcomCode | undefined {
  const short = /^(RE_|AN_)?([A-Z]{4})$/.exec(activity);
  if (short && (MEDCOM_NOTICE_CODES as readonly string[]).includes(short[2])) return activity as MedcomCode;
  const prefixed = /^(revise-|cancel-)?(.+)$/.exec(activity);
  const notice = prefixed ? ACTIVITY_CODES[prefixed[2]] : undefined;
  if (notice === undefined || prefixed === null) return undefined;
  if (prefixed[1] === 'revise-') return `RE_${notice}`;
  if (prefixed[1] === 'cancel-') return `AN_${notice}`;
  return notice;
}

function municipalityOf(patient: Json): string | undefined {
  for (const address of list(patient.address)) {
    if (!isObject(address)) continue;
    for (const extension of list(address.extension)) {
      if (!isObject(extension) || !/municipalityCodes?$/.test(String(extension.url))) continue;
      const concept = isObject(extension.valueCodeableConcept) ? extension.valueCodeableConcept : {};
      for (const coding of list(concept.coding)) {
        const code = isObject(coding) ? str(coding.code) : undefined;
        // DK Core writes kommunekoder with four digits ('0101'); this service uses three ('101').
        const normalized = code?.replace(/^0+(?=\d{3})/, '');
        if (normalized !== undefined && isMunicipalityCode(normalized)) return normalized;
      }
    }
  }
  return undefined;
}

function nameOf(patient: Json): string | undefined {
  const name = list(patient.name).find(isObject);
  if (!name) return undefined;
  const given = list(name.given).filter((g): g is string => typeof g === 'string');
  const text = [...given, str(name.family)].filter(Boolean).join(' ').trim();
  return text === '' ? undefined : text.slice(0, 200);
}

export function parseHospitalNotification(body: unknown): HospitalNotification {
  if (!isObject(body) || body.resourceType !== 'Bundle') {
    fail('structure', 'Bundle', 'the body must be a FHIR Bundle resource');
  }
  if (body.type !== 'message') fail('value', 'Bundle.type', "must be 'message'");
  const entries: Entry[] = [];
  for (const [i, entry] of list(body.entry).entries()) {
    if (!isObject(entry) || !isObject(entry.resource)) {
      fail('structure', `Bundle.entry[${i}]`, 'every entry must hold a resource');
    }
    entries.push({ fullUrl: str(entry.fullUrl), resource: entry.resource });
  }

  const header = entries[0]?.resource;
  if (header?.resourceType !== 'MessageHeader') {
    fail('required', 'Bundle.entry[0].resource', 'the first entry must be a MessageHeader');
  }
  const event = isObject(header.eventCoding) ? header.eventCoding : {};
  if (
    event.code !== HOSPITAL_NOTIFICATION_EVENT ||
    (event.system !== undefined && event.system !== MEDCOM_EVENT_SYSTEM)
  ) {
    fail('code-invalid', 'MessageHeader.eventCoding', `must be ${HOSPITAL_NOTIFICATION_EVENT}`);
  }
  const messageId = str(header.id);
  if (messageId === undefined || !FHIR_ID.test(messageId)) {
    fail('required', 'MessageHeader.id', 'the message id is required (1-64 letters, digits, - or .)');
  }

  const focus = list(header.focus).find(isObject);
  const encounter = resolve(entries, focus?.reference, 'Encounter')?.resource;
  if (!encounter) fail('required', 'MessageHeader.focus', 'must reference the Encounter in the Bundle');

  const patients = entries.filter((e) => e.resource.resourceType === 'Patient');
  if (patients.length !== 1) fail('structure', 'Bundle.entry', 'the Bundle must hold exactly one Patient');
  const patient = patients[0].resource;
  const cprIdentifier = list(patient.identifier).find((i) => isObject(i) && i.system === CPR_SYSTEM);
  const cprText = isObject(cprIdentifier) ? str(cprIdentifier.value) : undefined;
  if (cprText === undefined) {
    fail('required', 'Patient.identifier', `a CPR number (system ${CPR_SYSTEM}) is required`);
  }
  const cpr = validateCpr(cprText);
  if (!cpr.ok) fail('value', 'Patient.identifier.value', 'is not a valid CPR number');

  // The Provenance of this message is the one whose target is this MessageHeader; earlier messages' Provenances
  // ride along in the Bundle as history.
  const provenances = entries.filter((e) => e.resource.resourceType === 'Provenance');
  const own = provenances.filter((p) =>
    list(p.resource.target).some((t) => isObject(t) && lastSegment(t.reference) === messageId),
  );
  const provenance = (own.length > 0 ? own : provenances.length === 1 ? provenances : [])[0]?.resource;
  if (!provenance) {
    fail('required', 'Provenance', 'a Provenance whose target is the MessageHeader is required');
  }
  const activity = list((isObject(provenance.activity) ? provenance.activity : {}).coding).find(isObject);
  const activityCode = activity ? str(activity.code) : undefined;
  if (activityCode === undefined) fail('required', 'Provenance.activity', 'the event code is required');
  const code = medcomCodeOf(activityCode);
  if (code === undefined) {
    fail('code-invalid', 'Provenance.activity', 'not a HospitalNotification event code this service knows');
  }
  const noticeCode = (code.length > 4 ? code.slice(3) : code) as MedcomNoticeCode;

  const episode = list(encounter.episodeOfCare)
    .filter(isObject)
    .map((e) => (isObject(e.identifier) ? e.identifier : {}))
    .find((i) => str(i.value) !== undefined);
  if (!episode) {
    fail('required', 'Encounter.episodeOfCare.identifier', 'the episode-of-care identifier is required');
  }
  const episodeId = `${str(episode.system) ?? ''}|${String(episode.value)}`;
  if (episodeId.length > 300) fail('value', 'Encounter.episodeOfCare.identifier', 'is too long');

  const sentAt =
    provenance.occurredDateTime !== undefined
      ? instant(provenance.occurredDateTime, 'Provenance.occurredDateTime')
      : instant(body.timestamp, 'Bundle.timestamp');
  const period = isObject(encounter.period) ? encounter.period : {};
  const leaveExtension = list(encounter.extension).find(
    (e) => isObject(e) && /leave-period-extension$/.test(String(e.url)),
  );
  const leave =
    isObject(leaveExtension) && isObject(leaveExtension.valuePeriod) ? leaveExtension.valuePeriod : {};
  const when = (value: unknown, expression: string) =>
    value === undefined ? sentAt : instant(value, expression);
  const occurredAt: Record<MedcomNoticeCode, () => Date> = {
    STIN: () => instant(period.start, 'Encounter.period.start'),
    STAA: () => instant(period.start, 'Encounter.period.start'),
    STOR: () => when(leave.start, 'Encounter.extension[leavePeriod].valuePeriod.start'),
    SLOR: () => when(leave.end, 'Encounter.extension[leavePeriod].valuePeriod.end'),
    SLHJ: () => when(period.end, 'Encounter.period.end'),
    MORS: () => when(period.end, 'Encounter.period.end'),
  };

  const entity = list(provenance.entity).find((e) => isObject(e) && isObject(e.what));
  const referencedMessageId =
    code !== noticeCode && isObject(entity) && isObject(entity.what)
      ? lastSegment(entity.what.reference)
      : undefined;
  const sender = resolve(
    entries,
    isObject(header.sender) ? header.sender.reference : undefined,
    'Organization',
  );
  const senderName = sender ? str(sender.resource.name)?.slice(0, 200) : undefined;
  const patientName = nameOf(patient);
  const municipality = municipalityOf(patient);

  return {
    messageId,
    code,
    noticeCode,
    cpr: cpr.normalized,
    episodeId,
    occurredAt: code.startsWith('AN_') ? sentAt : occurredAt[noticeCode](),
    sentAt,
    ...(patientName !== undefined ? { patientName } : {}),
    ...(municipality !== undefined ? { municipality } : {}),
    ...(referencedMessageId !== undefined && FHIR_ID.test(referencedMessageId)
      ? { referencedMessageId }
      : {}),
    ...(senderName !== undefined ? { senderName } : {}),
  };
}
