import { HttpException } from '@nestjs/common';

/** RFC 9457 problem details. `type` is a relative URI naming the rule or error class. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `/problems/${code}`;
}

export class ProblemException extends HttpException {
  /** response headers that belong to the problem, e.g. WWW-Authenticate on a 401 */
  headers: Record<string, string> = {};

  constructor(readonly problem: ProblemDetails) {
    super(problem, problem.status);
  }

  withHeaders(headers: Record<string, string>): this {
    this.headers = { ...this.headers, ...headers };
    return this;
  }

  static of(
    status: number,
    code: string,
    title: string,
    detail?: string,
    extensions: Record<string, unknown> = {},
  ) {
    return new ProblemException({ type: problemType(code), title, status, detail, ...extensions });
  }
}
