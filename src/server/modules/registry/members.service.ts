import { lockRow } from '../../db/sql.js';
import type { PersonalDataCipher } from '../../crypto/personal-data.js';
import { maskDigits } from '../../crypto/personal-data.js';
import { inTransaction, type Ctx, type TxCtx } from '../../http/context.js';
import { createOnce, type Created } from '../../http/create-once.js';
import { conflict, invalid, notFound, type FieldError } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion } from '../../http/versioning.js';
import { dateIn } from '../../../shared/dates.js';
import { abilities, accountById, authorize, can, recordAudit, type Target } from '../platform/index.js';
import { groupsRepository } from './groups.repository.js';
import { readGroup } from './groups.service.js';
import { membersRepository, type MemberRow, type MemberValues } from './members.repository.js';
import { nikProblem } from './nik.js';
import { groupPolicy, groupTarget, memberPolicy, ofGroupTarget } from './registry.policy.js';
import { allDomains, assertOldEnough, disabilityOf, functioningOf } from './member-facts.js';
import type { CreateMemberBody, Functioning, ListMembersQuery, PatchMemberBody } from './registry.schemas.js';

interface Clear {
  nationalId: string | null;
  phone: string | null;
}

function clearOf(row: MemberRow, cipher: PersonalDataCipher): Clear {
  return {
    nationalId: row.national_id_encrypted ? cipher.decrypt(row.national_id_encrypted) : null,
    phone: row.phone_encrypted ? cipher.decrypt(row.phone_encrypted) : null,
  };
}

/**
 * National id and phone in clear only for the program manager and the group's managers; masked for
 * everyone else, and always masked in the audit log. Whether another member of the group has the
 * same national id is personal data too: shown only with the NIK in clear, null otherwise.
 */
export function presentMember(row: MemberRow, cipher: PersonalDataCipher, clear: boolean) {
  const personal = clearOf(row, cipher);
  return {
    id: row.id,
    groupId: row.group_id,
    name: row.name,
    sex: row.sex,
    birthYear: row.birth_year,
    disability: row.disability,
    functioning: functioningOf(row),
    role: row.role,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    nationalId: personal.nationalId && (clear ? personal.nationalId : maskDigits(personal.nationalId)),
    phone: personal.phone && (clear ? personal.phone : maskDigits(personal.phone, 3)),
    personalData: clear ? ('clear' as const) : ('masked' as const),
    possibleDuplicate: clear ? row.possible_duplicate : null,
    userId: row.user_id,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

/** A member as the actor gets them: personal data in clear only where the policy allows, and what they may do. */
function memberAnswer(ctx: Ctx | TxCtx, row: MemberRow) {
  const may = abilities(ctx.actor, memberPolicy, ofGroupTarget(row));
  return { ...presentMember(row, ctx.cipher, may.seePersonalData), abilities: may };
}
type MemberAnswer = ReturnType<typeof memberAnswer>;

/** What the audit log keeps: always masked. */
const presentMasked = (ctx: Ctx | TxCtx, row: MemberRow) => presentMember(row, ctx.cipher, false);

export async function listMembers(ctx: Ctx, groupId: string, query: ListMembersQuery) {
  const group = await readGroup(ctx, groupId);
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const active = query.active === undefined ? undefined : query.active === 'true';
  const today = dateIn(ctx.clock.now());
  const rows = await membersRepository.list(ctx.db, group.id, { active, today, after, limit: query.limit });
  return toPage(
    rows,
    query.limit,
    (r) => memberAnswer(ctx, r),
    (r) => [r.id],
  );
}

export async function getMember(ctx: Ctx, id: string): Promise<MemberAnswer> {
  const row = await membersRepository.byId(ctx.db, id);
  if (!row) throw notFound('Member');
  authorize(ctx.actor, memberPolicy, 'read', ofGroupTarget(row));
  return memberAnswer(ctx, row);
}

interface MemberFields {
  name: string;
  sex: 'female' | 'male';
  birthYear: number;
  disability: boolean;
  functioning: Functioning;
  role: MemberRow['role'];
  joinedOn: string;
  leftOn: string | null;
  nationalId: string | null;
  phone: string | null;
  userId: string | null;
}

/** Checks what a schema cannot see alone, then encrypts the personal data for storage. */
function toValues(fields: MemberFields, cipher: PersonalDataCipher): MemberValues {
  const errors: FieldError[] = [];
  if (fields.nationalId) {
    const problem = nikProblem(fields.nationalId, fields.sex, fields.birthYear);
    if (problem) errors.push({ path: 'nationalId', ...problem });
  }
  if (fields.leftOn && fields.leftOn < fields.joinedOn)
    errors.push({ path: 'leftOn', code: 'before_joined', message: 'is before joinedOn' });
  if (errors.length) throw invalid(errors);
  return {
    name: fields.name,
    sex: fields.sex,
    birth_year: fields.birthYear,
    disability: fields.disability,
    wg_seeing: fields.functioning.seeing,
    wg_hearing: fields.functioning.hearing,
    wg_walking: fields.functioning.walking,
    wg_cognition: fields.functioning.cognition,
    wg_self_care: fields.functioning.self_care,
    wg_communication: fields.functioning.communication,
    role: fields.role,
    joined_on: fields.joinedOn,
    left_on: fields.leftOn,
    national_id_encrypted: fields.nationalId ? cipher.encrypt(fields.nationalId) : null,
    national_id_hash: fields.nationalId ? cipher.lookupHash(fields.nationalId) : null,
    phone_encrypted: fields.phone ? cipher.encrypt(fields.phone) : null,
    user_id: fields.userId,
  };
}

function fieldsOf(row: MemberRow, cipher: PersonalDataCipher): MemberFields {
  return {
    name: row.name,
    sex: row.sex,
    birthYear: row.birth_year,
    disability: row.disability,
    functioning: functioningOf(row),
    role: row.role,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    ...clearOf(row, cipher),
    userId: row.user_id,
  };
}

export async function addMember(ctx: Ctx, groupId: string, input: CreateMemberBody): Promise<Created<MemberAnswer>> {
  return inTransaction(ctx, async (tx) => {
    const group = await groupsRepository.byId(tx.db, groupId);
    if (!group) throw notFound('Producer group');
    authorize(tx.actor, groupPolicy, 'addMember', groupTarget(group));
    const { id: _id, ...given } = input;
    const functioning = allDomains(null, given.functioning);
    const fields: MemberFields = {
      ...given,
      functioning,
      disability: disabilityOf(functioning, given.disability, false),
      leftOn: given.leftOn ?? null,
      nationalId: given.nationalId ?? null,
      phone: given.phone ?? null,
      userId: given.userId ?? null,
    };
    return createOnce(tx.db, {
      id: input.id,
      find: (id) => membersRepository.byId(tx.db, id),
      existing: { kind: 'member', among: (ids) => membersRepository.existing(tx.db, ids) },
      visible: (row) => row.group_id === groupId,
      stored: (row) => fieldsOf(row, tx.cipher),
      input: fields,
      present: (row) => memberAnswer(tx, row),
      create: async (id) => {
        const values = toValues(fields, tx.cipher);
        await assertOldEnough(tx, group.program_id, values.birth_year);
        await assertNationalIdFree(tx, groupTarget(group), values, null);
        if (values.user_id) await assertAccountLinkable(tx, groupTarget(group), groupId, values, null);
        const row = await membersRepository.insert(tx.db, id, group, values);
        await recordAudit(tx.db, tx, {
          action: 'member.add',
          entity: 'member',
          entityId: id,
          after: presentMasked(tx, row),
        });
        return memberAnswer(tx, row);
      },
    });
  });
}

/**
 * One national id per group, enforced only for those who may see national ids in clear. Refusing
 * anyone else would answer "this NIK is registered here" to a reader who sees NIKs masked: a
 * facilitator recovered a masked NIK by guessing (issue 12). So their entry is kept whatever it
 * holds, and a duplicate is flagged (`possibleDuplicate`) to those who see NIKs in clear, who
 * resolve it. The check runs with the group locked, so two such entries cannot both pass it.
 */
async function assertNationalIdFree(tx: TxCtx, target: Target, values: MemberValues, exceptId: string | null) {
  if (!values.national_id_hash || !can(tx.actor, memberPolicy, 'seePersonalData', target)) return;
  const groupId = target.groupId!;
  await lockRow(tx.db, 'producer_groups', groupId);
  if (await membersRepository.nationalIdTaken(tx.db, groupId, values.national_id_hash, exceptId)) {
    throw conflict(
      'A member of this group already has this national id.',
      {
        errors: [{ path: 'nationalId', code: 'taken', message: 'is already registered in this group' }],
      },
      { code: 'national-id-taken' },
    );
  }
}

/**
 * A member record links to an account only by those who may link accounts, to an account that
 * exists, and to one member record per group.
 */
async function assertAccountLinkable(
  tx: TxCtx,
  target: Target,
  groupId: string,
  values: MemberValues,
  exceptId: string | null,
) {
  authorize(tx.actor, memberPolicy, 'linkAccount', target);
  if (!values.user_id) return;
  if (!(await accountById(tx.db, values.user_id))) {
    throw invalid([{ path: 'userId', code: 'unknown_reference', message: 'is not an account' }]);
  }
  if (await membersRepository.accountTaken(tx.db, groupId, values.user_id, exceptId)) {
    throw conflict(
      'Another member of this group is already linked to this account.',
      {
        errors: [{ path: 'userId', code: 'taken', message: 'is already linked to another member of this group' }],
      },
      { code: 'account-linked' },
    );
  }
}

/** The member, locked for this change, once the actor may do `action` with them. */
async function memberFor(tx: TxCtx, id: string, action: 'update' | 'delete'): Promise<MemberRow> {
  await lockRow(tx.db, 'members', id);
  const current = await membersRepository.byId(tx.db, id);
  if (!current) throw notFound('Member');
  authorize(tx.actor, memberPolicy, action, ofGroupTarget(current));
  return current;
}

export async function patchMember(ctx: Ctx, id: string, base: number, input: PatchMemberBody): Promise<MemberAnswer> {
  return inTransaction(ctx, async (tx) => {
    const current = await memberFor(tx, id, 'update');
    assertVersion(current, base, () => memberAnswer(tx, current));
    const { version: _version, functioning: answers, disability, ...changes } = input;
    const functioning = allDomains(functioningOf(current), answers);
    const fields: MemberFields = {
      ...fieldsOf(current, tx.cipher),
      ...changes,
      functioning,
      disability: disabilityOf(functioning, disability, current.disability),
    };
    const values = toValues(fields, tx.cipher);
    if (values.birth_year !== current.birth_year) await assertOldEnough(tx, current.program_id, values.birth_year);
    // Only a changed NIK is checked: a flagged duplicate stays editable while it is being resolved.
    if (values.national_id_hash !== current.national_id_hash) {
      await assertNationalIdFree(tx, ofGroupTarget(current), values, id);
    }
    if (values.user_id !== current.user_id) {
      await assertAccountLinkable(tx, ofGroupTarget(current), current.group_id, values, id);
    }
    const row = await membersRepository.update(tx.db, id, values);
    await recordAudit(tx.db, tx, {
      action: 'member.update',
      entity: 'member',
      entityId: id,
      before: presentMasked(tx, current),
      after: presentMasked(tx, row),
    });
    return memberAnswer(tx, row);
  });
}

/** Erases a member record entered by mistake (or on request); a member who leaves gets `leftOn` instead. */
export async function deleteMember(ctx: Ctx, id: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const current = await memberFor(tx, id, 'delete');
    await membersRepository.delete(tx.db, id);
    await recordAudit(tx.db, tx, {
      action: 'member.delete',
      entity: 'member',
      entityId: id,
      before: presentMasked(tx, current),
    });
  });
}
