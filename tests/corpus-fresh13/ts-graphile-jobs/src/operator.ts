export class OperatorAuthError extends Error {
  constructor(message = 'operator token required') {
    super(message);
    this.name = 'OperatorAuthError';
  }
}

/**
 * Destructive commands must be run with the operator token issued by the
 * platform team (JOBS_OPERATOR_TOKEN in the vault).
 */
export function assertOperator(token: string | undefined): void {
  const expected = process.env.JOBS_OPERATOR_TOKEN;
  if (!expected || !token) {
    throw new OperatorAuthError();
  }
  if (!Buffer.from(token, 'utf8').equals(Buffer.from(expected, 'utf8'))) {
    throw new OperatorAuthError('operator token mismatch');
  }
}
