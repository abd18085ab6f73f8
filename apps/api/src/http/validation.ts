import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem';

export interface FieldError {
  /** JSON Pointer into the request body (RFC 6901) */
  pointer: string;
  detail: string;
}

/**
 * Unknown fields are refused rather than silently dropped: a sender that misspells a field must
 * learn it, not lose the data. Errors name every bad field.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return ProblemException.of(
        400,
        'validation-failed',
        'The request is not valid',
        fields.map((f) => `${f.pointer}: ${f.detail}`).join('; '),
        { errors: fields },
      );
    },
  });
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const pointer = `${prefix}/${error.property}`;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({
      pointer,
      detail: detail.replace(/^property (\S+) should not exist$/, 'unknown field'),
    }));
    return [...own, ...flatten(error.children ?? [], pointer)];
  });
}
