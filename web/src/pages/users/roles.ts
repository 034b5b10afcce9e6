import { INSTALLATION_ROLES, TENANT_ROLES } from '../../../../src/domain/access.ts';
import type { InstallationRole, UserView } from '../../types.ts';

export { INSTALLATION_ROLES, TENANT_ROLES };

/** Installation roles the signed-in user may hand out: only an owner makes owners. */
export function assignableInstallationRoles(me: UserView, current: InstallationRole | null = null): InstallationRole[] {
  return INSTALLATION_ROLES.filter((role) => role !== 'owner' || me.installationRole === 'owner' || current === 'owner');
}

/** The <select> value for "no installation role". */
export const NO_ROLE = '';
