import { assertNever } from '../decider';
import type { CitizenEvent } from '../citizen/citizen';
import type { ShelterStayEvent } from '../shelter-stay/shelter-stay';
import { municipalityName } from '../municipalities';
import type { ShelterDischargeDestination } from '../shelter-stay/shelter-stay';

/**
 * Timeline summaries are shown broadly and may be logged, so they are built only from non-personal fields
 * (codes, shelter and municipality names, flags); the sealed personal data is never touched.
 */
export function summarizeCitizen(event: CitizenEvent): string {
  switch (event.type) {
    case 'CitizenRegistered':
      return `Citizen registered ${event.data.hasCpr ? 'with' : 'without'} CPR; handlekommune ${municipality(event.data.handlekommune)}`;
    default:
      return assertNever(event.type);
  }
}

export function summarizeShelterStay(event: ShelterStayEvent): string {
  switch (event.type) {
    case 'ShelterAdmissionRecorded': {
      const d = event.data;
      let text = `Admitted to §110 shelter ${d.shelterName} (stay municipality ${municipalityName(d.municipalityOfStay) ?? d.municipalityOfStay}), ${d.referral}`;
      if (d.handlekommune !== d.municipalityOfStay)
        text += `; handlekommune ${municipality(d.handlekommune)}`;
      if (d.hasHomeButCannotUseIt) text += '; has a home but cannot use it';
      return text;
    }
    case 'ShelterDischargeRecorded':
      return `Discharged from §110 shelter to ${DESTINATION_TEXT[event.data.destination]} (${event.data.planned ? 'planned' : 'unplanned'})`;
    default:
      return assertNever(event);
  }
}

export function municipality(code: string): string {
  const name = municipalityName(code);
  return name ? `${name} (${code})` : `municipality ${code}`;
}

const DESTINATION_TEXT: Record<ShelterDischargeDestination, string> = {
  'own-home': 'own home',
  'transitional-housing': 'transitional housing',
  'other-shelter': 'another shelter',
  'family-or-friends': 'family or friends',
  hospital: 'hospital',
  prison: 'prison',
  street: 'the street',
  unknown: 'unknown destination',
};
