import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from './browser.js';
import { ADMIN, apiSession } from './server.js';

/** The common setup of the community browser journeys: one server per file, one browser per file. */
export const baseUrl = inject('baseUrl');
export const programId = inject('programId');

type Session = Awaited<ReturnType<typeof apiSession>>;
interface Person {
  email: string;
  password: string;
  name: string;
}

/** Launches one browser for the file and closes it after; read `.browser` inside tests. */
export function useBrowser(): { browser: Browser } {
  const holder = {} as { browser: Browser };
  beforeAll(async () => {
    holder.browser = await launchChromium();
  });
  afterAll(async () => {
    await holder.browser?.close();
  });
  return holder;
}

/** A staff member of the program (program manager, trainer, …), created by the admin. */
export async function staffMember(person: Person, role: string): Promise<Session> {
  const admin = await apiSession(baseUrl, ADMIN);
  const user = await admin<{ id: string }>('POST', '/api/v1/users', person);
  await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: user.id, role });
  return admin;
}

/** Which server and program: the shared one unless a file starts its own. */
interface Where {
  baseUrl: string;
  programId: string;
}
const SHARED: Where = { baseUrl, programId };

/** The version of the community rules in force, publishing short ones if there are none yet. */
export async function rulesVersion(session: Session, where: Where = SHARED): Promise<number> {
  const path = `/api/v1/community/${where.programId}/rules`;
  const rules = await session<{ version: number }>('GET', path).catch(() => null);
  if (rules) return rules.version;
  const posted = await session<{ version: number }>('POST', path, {
    text: { id: 'Saling menghormati.' },
  });
  return posted.version;
}

/** Each public form sent by the API comes from a phone of its own (the server trusts the proxy's header). */
let phones = 0;
const ownAddress = () => {
  phones++;
  return `10.16.${phones >> 8}.${phones & 255}`;
};

async function publicPost(url: string, path: string, body: unknown): Promise<Response> {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url, 'x-forwarded-for': ownAddress() },
    body: JSON.stringify(body),
  });
}

/**
 * A villager welcomed into the community by the API, with her password set through her invitation
 * (the join page has its own journey).
 */
export async function welcomedMember(
  welcomer: Session,
  member: Person & { sex?: 'female' | 'male'; phone?: string },
  where: Where = SHARED,
): Promise<void> {
  const joined = await publicPost(where.baseUrl, `/api/v1/community/${where.programId}/joins`, {
    name: member.name,
    email: member.email,
    areaCode: '51.07.06.2004',
    rulesVersion: await rulesVersion(welcomer, where),
    acceptRules: true,
    ...(member.sex ? { sex: member.sex } : {}),
    ...(member.phone ? { phone: member.phone } : {}),
  });
  const { id } = (await joined.json()) as { id: string };
  const welcomed = await welcomer<{ invitation: { path: string } }>('POST', `/api/v1/community/joins/${id}/welcome`);
  const accepted = await publicPost(where.baseUrl, '/api/v1/invitations/accept', {
    token: welcomed.invitation.path.split('#')[1],
    password: member.password,
  });
  expect(accepted.status).toBe(200);
}
