// The one error type every layer throws for a caller's mistake; the HTTP layer maps its code to a status.
export type ErrorCode =
  | 'invalid' // 400: a field is malformed or missing
  | 'unauthenticated' // 401
  | 'payment_declined' // 402
  | 'forbidden' // 403
  | 'not_found' // 404
  | 'conflict' // 409: the request clashes with current state
  | 'out_of_stock' // 409
  | 'payload_too_large' // 413
  | 'throttled' // 429: too many attempts; Retry-After says when to try again
  | 'unavailable'; // 503: a dependency is down

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** The request field at fault (dotted path), or null when the request as a whole is. */
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toJSON() {
    return { code: this.code, field: this.field, message: this.message };
  }
}

export const STATUS_OF: Record<ErrorCode, 400 | 401 | 402 | 403 | 404 | 409 | 413 | 429 | 503> = {
  invalid: 400,
  unauthenticated: 401,
  payment_declined: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  out_of_stock: 409,
  payload_too_large: 413,
  throttled: 429,
  unavailable: 503,
};

/** Too many attempts: answered 429 with a Retry-After of `retryAfterS` seconds. */
export class Throttled extends DomainError {
  constructor(
    field: string | null,
    message: string,
    readonly retryAfterS: number,
  ) {
    super('throttled', field, message);
  }
}

export const invalid = (field: string, message: string) => new DomainError('invalid', field, message);
export const notFound = (field: string | null, message: string) => new DomainError('not_found', field, message);
