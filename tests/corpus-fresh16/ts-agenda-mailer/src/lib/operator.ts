import { Errors } from '@oclif/core'

/**
 * Commands that mutate production data require the operator token that is
 * provisioned on bastion hosts. The token is passed with --token.
 */
export function requireOperator(token: string | undefined): void {
  const expected = process.env.MAILER_OPERATOR_TOKEN
  if (!expected) {
    throw new Errors.CLIError('MAILER_OPERATOR_TOKEN is not configured on this host')
  }
  if (!token || token !== expected) {
    throw new Errors.CLIError('operator token rejected', { exit: 77 })
  }
}
