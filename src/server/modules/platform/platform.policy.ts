import { STAFF_SCREENS, type StaffScreen } from './platform.schemas.js';
import { ROLES, type Actor, type Role, type UserActor } from '../../http/context.js';
import { can, definePolicy, programTarget, type Target } from './authorize.js';
import { isAdmin, programIdsOf } from './access.js';

/**
 * Who may do what with an account. An account is seen through the programs it holds a role in:
 * the manager of a whole program sees its staff (a manager narrowed to an area does not), and
 * everyone sees their own account. Admins may do everything.
 */
export const accountPolicy = definePolicy('User', {
  read: { roles: ['program_manager'], owner: true },
  /** Name, locale and password: the account's own (a new password needs the current one). */
  update: { roles: [], owner: true },
  /** Admin rights and disabling an account. */
  administer: [],
  /** Opening accounts, for staff: the manager of a whole program. */
  create: ['program_manager'],
  /** Opening an admin account. */
  createAdmin: [],
});

/** The account seen through one program it holds a role in (or through none: `programId` null). */
export const accountTarget = (accountId: string, programId: string | null): Target => ({
  ...programTarget(programId ?? ''),
  ownerId: accountId,
});

/**
 * The target through which the actor sees an account that holds roles in `programIds`: the first
 * that lets them read it, else the account alone (then only its owner and admins may read it).
 */
export function accountSeenBy(actor: Actor, accountId: string, programIds: readonly string[]): Target {
  const through = programIds.find((p) => can(actor, accountPolicy, 'read', accountTarget(accountId, p)));
  return accountTarget(accountId, through ?? null);
}

/**
 * Whether the actor may do an account action that names no account yet (open one, list them): an
 * admin, or someone who may do it in at least one of their programs.
 */
export function mayInSomeProgram(actor: Actor, action: 'create' | 'createAdmin' | 'read'): boolean {
  return (
    isAdmin(actor) ||
    programIdsOf(actor).some((p) => can(actor, accountPolicy, action, { ...programTarget(p), ownerId: null }))
  );
}

/**
 * Whose menu shows a staff screen: holders of one of these roles in any program (admins always);
 * `everyone` signed in; `ownGroups`: those whose group grants (treasurer, member) name a group,
 * admins only through such a grant of their own; or `{ roles, buyers }`: holders of those roles, and
 * buyers (those with a buyer's profile) whatever they hold.
 */
type Audience = readonly Role[] | 'everyone' | 'ownGroups' | { roles: readonly Role[]; buyers: true };

/** Who answers inquiries and orders (the market's policies), and the buyers who send them. */
const TRADE: Audience = { roles: ['program_manager', 'facilitator', 'group_manager', 'group_member'], buyers: true };

/** The staff menu, decided here once: the web shows what `/me` lists, in `STAFF_SCREENS` order. */
const SCREEN_AUDIENCES: Record<StaffScreen, Audience> = {
  programs: ['program_manager'],
  /** The program's dashboard: everyone who works across its villages, each within their grant's area. */
  impact: ['program_manager', 'facilitator', 'assessor', 'trainer'],
  areas: ['program_manager', 'facilitator'],
  villages: ['program_manager', 'facilitator'],
  groups: ROLES,
  assessments: ['program_manager', 'assessor'],
  schemes: ['program_manager'],
  training: ROLES,
  /** Pending joins to welcome or decline: community managers, and program managers who act as one. */
  community: ['program_manager', 'community_manager'],
  /** A treasurer's or member's own group's cash book; staff reach books through the group's page. */
  books: 'ownGroups',
  batches: ['program_manager', 'facilitator', 'group_manager', 'group_member'],
  /**
   * The group's side and the buyers: a village entrepreneur who only joined the community, an
   * assessor or a trainer has none to see.
   */
  inquiries: TRADE,
  orders: TRADE,
  notifications: 'everyone',
};

const OWN_GROUP_ROLES: readonly Role[] = ['group_manager', 'group_member'];

/** The screens the user's menu shows, and the groups whose cash book its "books" opens. */
export function menuOf(user: UserActor, buyer: boolean): { screens: StaffScreen[]; bookGroups: string[] } {
  const held = new Set(user.grants.map((g) => g.role));
  const bookGroups = [
    ...new Set(user.grants.flatMap((g) => (OWN_GROUP_ROLES.includes(g.role) && g.groupId ? [g.groupId] : []))),
  ];
  const holds = (roles: readonly Role[]) => user.isAdmin || roles.some((r) => held.has(r));
  const sees = (audience: Audience) =>
    audience === 'everyone' ||
    (audience === 'ownGroups'
      ? bookGroups.length > 0
      : 'buyers' in audience
        ? buyer || holds(audience.roles)
        : holds(audience));
  return { screens: STAFF_SCREENS.filter((screen) => sees(SCREEN_AUDIENCES[screen])), bookGroups };
}
