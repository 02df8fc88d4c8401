import {
  AuthorizationContext,
  AuthorizationDecision,
  AuthorizationMetadata,
} from '@loopback/authorization';
import {securityId, UserProfile} from '@loopback/security';

/**
 * Grants access when the caller holds at least one of the roles listed in
 * `@authorize({allowedRoles: [...]})`. Endpoints without `allowedRoles` are
 * left to the other voters.
 */
export async function roleAuthorizer(
  context: AuthorizationContext,
  metadata: AuthorizationMetadata,
): Promise<AuthorizationDecision> {
  const user = context.principals[0] as UserProfile | undefined;
  if (!user?.[securityId]) {
    return AuthorizationDecision.DENY;
  }

  const allowed = metadata.allowedRoles ?? [];
  if (allowed.length === 0) {
    return AuthorizationDecision.ABSTAIN;
  }

  const roles: string[] = user.roles ?? [];
  return roles.some(r => allowed.includes(r))
    ? AuthorizationDecision.ALLOW
    : AuthorizationDecision.DENY;
}
