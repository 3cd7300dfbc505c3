import { v7 as uuidv7 } from 'uuid';
import { lockRow } from '../../db/sql.js';
import type { PersonalDataCipher } from '../../crypto/personal-data.js';
import { maskDigits } from '../../crypto/personal-data.js';
import type { Actor, Ctx } from '../../http/context.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { decodeCursor, toPage } from '../../http/pagination.js';
import { assertVersion, idInUse, replayOrConflict } from '../../http/versioning.js';
import { recordAudit } from '../platform/index.js';
import { readGroup } from './groups.service.js';
import { membersRepository, type MemberRow, type MemberValues } from './members.repository.js';
import { nikProblem } from './nik.js';
import { assertMayWrite, maySeePersonalData, ROLES } from './registry.policy.js';
import type { CreateMemberBody, ListMembersQuery, PatchMemberBody } from './registry.schemas.js';

const memberTarget = (row: Pick<MemberRow, 'program_id' | 'area_path' | 'group_id'>) => ({
  programId: row.program_id,
  areaPath: row.area_path,
  groupId: row.group_id,
});

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
 * everyone else, and always masked in the audit log.
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
    role: row.role,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    nationalId: personal.nationalId && (clear ? personal.nationalId : maskDigits(personal.nationalId)),
    phone: personal.phone && (clear ? personal.phone : maskDigits(personal.phone, 3)),
    personalData: clear ? ('clear' as const) : ('masked' as const),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
type PresentedMember = ReturnType<typeof presentMember>;

const present = (ctx: Ctx, row: MemberRow) =>
  presentMember(row, ctx.cipher, maySeePersonalData(ctx.actor, memberTarget(row)));
const presentMasked = (ctx: Ctx, row: MemberRow) => presentMember(row, ctx.cipher, false);

export async function listMembers(ctx: Ctx, groupId: string, query: ListMembersQuery) {
  const group = await readGroup(ctx, groupId);
  const after = decodeCursor(query.cursor, 1)?.[0] ?? null;
  const active = query.active === undefined ? undefined : query.active === 'true';
  const rows = await membersRepository.list(ctx.db, group.id, { active, after, limit: query.limit });
  const clear = maySeePersonalData(ctx.actor, {
    programId: group.program_id,
    areaPath: group.area_path,
    groupId: group.id,
  });
  return toPage(
    rows,
    query.limit,
    (r) => presentMember(r, ctx.cipher, clear),
    (r) => [r.id],
  );
}

async function readMember(ctx: Ctx, id: string): Promise<MemberRow> {
  const row = await membersRepository.byId(ctx.db, id);
  if (!row) throw notFound('Member');
  await readGroup(ctx, row.group_id).catch(() => {
    throw notFound('Member');
  });
  return row;
}

export async function getMember(ctx: Ctx, id: string): Promise<PresentedMember> {
  return present(ctx, await readMember(ctx, id));
}

interface MemberFields {
  name: string;
  sex: 'female' | 'male';
  birthYear: number;
  disability: boolean;
  role: string;
  joinedOn: string;
  leftOn: string | null;
  nationalId: string | null;
  phone: string | null;
}

/** Checks what a schema cannot see alone, then encrypts the personal data for storage. */
function toValues(fields: MemberFields, cipher: PersonalDataCipher): MemberValues {
  const errors = [];
  if (fields.nationalId) {
    const problem = nikProblem(fields.nationalId, fields.sex, fields.birthYear);
    if (problem) errors.push({ path: 'nationalId', message: problem });
  }
  if (fields.leftOn && fields.leftOn < fields.joinedOn) errors.push({ path: 'leftOn', message: 'is before joinedOn' });
  if (errors.length) throw invalid(errors);
  return {
    name: fields.name,
    sex: fields.sex,
    birth_year: fields.birthYear,
    disability: fields.disability,
    role: fields.role,
    joined_on: fields.joinedOn,
    left_on: fields.leftOn,
    national_id_encrypted: fields.nationalId ? cipher.encrypt(fields.nationalId) : null,
    national_id_hash: fields.nationalId ? cipher.lookupHash(fields.nationalId) : null,
    phone_encrypted: fields.phone ? cipher.encrypt(fields.phone) : null,
  };
}

function fieldsOf(row: MemberRow, cipher: PersonalDataCipher): MemberFields {
  return {
    name: row.name,
    sex: row.sex,
    birthYear: row.birth_year,
    disability: row.disability,
    role: row.role,
    joinedOn: row.joined_on,
    leftOn: row.left_on,
    ...clearOf(row, cipher),
  };
}

function assertMayWriteGroup(actor: Actor, target: { programId: string; areaPath: string; groupId: string }) {
  assertMayWrite(actor, target, ROLES.readGroup, ROLES.writeGroup, 'Producer group');
}

export async function addMember(
  ctx: Ctx,
  groupId: string,
  input: CreateMemberBody,
): Promise<{ member: PresentedMember; created: boolean }> {
  return ctx.db.transaction(async (tx) => {
    const group = await readGroup({ ...ctx, db: tx }, groupId);
    assertMayWriteGroup(ctx.actor, { programId: group.program_id, areaPath: group.area_path, groupId: group.id });
    const { id: _id, ...given } = input;
    const fields: MemberFields = {
      ...given,
      leftOn: given.leftOn ?? null,
      nationalId: given.nationalId ?? null,
      phone: given.phone ?? null,
    };
    if (input.id) {
      const existing = await membersRepository.byId(tx, input.id);
      if (existing && existing.group_id !== groupId) throw idInUse();
      if (existing) {
        const same = existing.group_id === groupId ? fieldsOf(existing, ctx.cipher) : null;
        return { member: replayOrConflict(same, fields, () => present(ctx, existing)), created: false };
      }
    }
    const values = toValues(fields, ctx.cipher);
    if (
      values.national_id_hash &&
      (await membersRepository.nationalIdTaken(tx, groupId, values.national_id_hash, null))
    ) {
      throw conflict('A member of this group already has this national id.', {
        errors: [{ path: 'nationalId', message: 'is already registered in this group' }],
      });
    }
    const id = input.id ?? uuidv7();
    await membersRepository.insert(tx, id, groupId, values);
    const row = (await membersRepository.byId(tx, id))!;
    await recordAudit(tx, ctx, {
      action: 'member.add',
      entity: 'member',
      entityId: id,
      after: presentMasked(ctx, row),
    });
    return { member: present(ctx, row), created: true };
  });
}

export async function patchMember(
  ctx: Ctx,
  id: string,
  base: number,
  input: PatchMemberBody,
): Promise<PresentedMember> {
  return ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'members', id);
    const current = await membersRepository.byId(tx, id);
    if (!current) throw notFound('Member');
    await readGroup({ ...ctx, db: tx }, current.group_id).catch(() => {
      throw notFound('Member');
    });
    assertMayWriteGroup(ctx.actor, memberTarget(current));
    assertVersion(current, base, () => present(ctx, current));
    const { version: _version, ...changes } = input;
    const fields: MemberFields = { ...fieldsOf(current, ctx.cipher), ...changes };
    const values = toValues(fields, ctx.cipher);
    if (
      values.national_id_hash &&
      (await membersRepository.nationalIdTaken(tx, current.group_id, values.national_id_hash, id))
    ) {
      throw conflict('A member of this group already has this national id.', {
        errors: [{ path: 'nationalId', message: 'is already registered in this group' }],
      });
    }
    await membersRepository.update(tx, id, values);
    const row = (await membersRepository.byId(tx, id))!;
    await recordAudit(tx, ctx, {
      action: 'member.update',
      entity: 'member',
      entityId: id,
      before: presentMasked(ctx, current),
      after: presentMasked(ctx, row),
    });
    return present(ctx, row);
  });
}

/** Erases a member record entered by mistake (or on request); a member who leaves gets `leftOn` instead. */
export async function deleteMember(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await lockRow(tx, 'members', id);
    const current = await membersRepository.byId(tx, id);
    if (!current) throw notFound('Member');
    await readGroup({ ...ctx, db: tx }, current.group_id).catch(() => {
      throw notFound('Member');
    });
    assertMayWriteGroup(ctx.actor, memberTarget(current));
    await membersRepository.delete(tx, id);
    await recordAudit(tx, ctx, {
      action: 'member.delete',
      entity: 'member',
      entityId: id,
      before: presentMasked(ctx, current),
    });
  });
}
