import { MUNICIPALITIES } from '@hf/domain';

/**
 * How many homeless citizens each municipality has on a given night, after DOMAIN.md §8: Copenhagen about 1,500,
 * Aarhus about 650, Aalborg and Odense about 250, the median municipality 20-30, the small islands a handful. The
 * national total comes to roughly the 2022 count (5,789). The generator draws each citizen's handlekommune with
 * these weights, so a larger history has more citizens everywhere, in the same proportions.
 */
const KNOWN: Readonly<Record<string, number>> = {
  '101': 1500, // København
  '751': 650, // Aarhus
  '851': 250, // Aalborg
  '461': 250, // Odense
  '147': 110, // Frederiksberg
  '561': 110, // Esbjerg
  '730': 90, // Randers
  '621': 80, // Kolding
  '630': 80, // Vejle
  '615': 75, // Horsens
  '265': 70, // Roskilde
  '370': 65, // Næstved
  '330': 65, // Slagelse
  '217': 60, // Helsingør
  '791': 55, // Viborg
  '740': 55, // Silkeborg
  '657': 50, // Herning
  '607': 50, // Fredericia
  '540': 45, // Sønderborg
  '813': 45, // Frederikshavn
  '860': 45, // Hjørring
  '400': 40, // Bornholm
  '376': 40, // Guldborgsund
  '360': 35, // Lolland
  '825': 2, // Læsø
  '492': 3, // Ærø
  '563': 2, // Fanø
  '741': 2, // Samsø
  '482': 5, // Langeland
};

/** the rest: 15-32 each, spread by code so the list is fixed without a random draw */
function ordinary(code: string): number {
  return 15 + (Number(code) % 18);
}

export const HOMELESS_BY_MUNICIPALITY: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(MUNICIPALITIES.map((m) => [m.code, KNOWN[m.code] ?? ordinary(m.code)])),
);

export const NATIONAL_HOMELESS_COUNT = Object.values(HOMELESS_BY_MUNICIPALITY).reduce((a, b) => a + b, 0);

/** The big cities with shelters that take in citizens from other municipalities (001:L3881). */
export const SHELTER_CITIES = ['101', '751', '851', '461', '561', '730'] as const;
