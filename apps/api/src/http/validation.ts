import { ValidationError, ValidationPipe } from '@nestjs/common';
import { maskCprNumbers } from '@hf/domain';
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
    // Field names are the caller's own text (an unknown field may be called anything, a CPR number
    // included), and the problem must not echo a CPR number.
    const pointer = `${prefix}/${maskCprNumbers(error.property)}`;
    const own = Object.values(error.constraints ?? {}).map((detail) => ({
      pointer,
      detail: /^property .* should not exist$/s.test(detail) ? 'unknown field' : maskCprNumbers(detail),
    }));
    return [...own, ...flatten(error.children ?? [], pointer)];
  });
}
