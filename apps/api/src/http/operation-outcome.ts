import type { ProblemDetails } from './problem';

/**
 * FHIR R4 OperationOutcome for the FHIR routes (`/fhir/...`): a FHIR sender (a hospital's MedCom integration)
 * expects errors as FHIR resources, not as problem+json. Built from the same ProblemDetails every other route
 * answers with, so the status codes and the rule codes are the same; the rule goes into `issue.details`.
 * Only the problem's `detail` becomes `diagnostics`, and no problem detail of this API holds personal data.
 */
export const FHIR_CONTENT_TYPE = 'application/fhir+json';
export const FHIR_ROUTE_PREFIX = '/fhir/';

export type OperationOutcomeIssue = {
  severity: 'fatal' | 'error' | 'warning' | 'information';
  code: string;
  details?: { text: string };
  diagnostics?: string;
  expression?: string[];
};

export type OperationOutcome = { resourceType: 'OperationOutcome'; issue: OperationOutcomeIssue[] };

/** https://hl7.org/fhir/R4/valueset-issue-type.html */
const ISSUE_TYPE: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-costly',
  415: 'not-supported',
  422: 'business-rule',
  429: 'throttled',
};

export function isFhirRoute(url: string): boolean {
  return url.startsWith(FHIR_ROUTE_PREFIX);
}

export function operationOutcomeFrom(problem: ProblemDetails): OperationOutcome {
  const rule =
    typeof problem.rule === 'string'
      ? problem.rule
      : problem.type.startsWith('/problems/')
        ? problem.type.slice('/problems/'.length)
        : undefined;
  const given = Array.isArray(problem.issues) ? (problem.issues as OperationOutcomeIssue[]) : [];
  if (given.length > 0) return { resourceType: 'OperationOutcome', issue: given };
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: problem.status >= 500 ? 'fatal' : 'error',
        code: ISSUE_TYPE[problem.status] ?? (problem.status >= 500 ? 'exception' : 'processing'),
        ...(rule !== undefined ? { details: { text: rule } } : {}),
        diagnostics: [problem.title, problem.detail].filter(Boolean).join(': '),
      },
    ],
  };
}
