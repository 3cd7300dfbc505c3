import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../server-process.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const ADMIN = { email: 'admin@ovop.test', password: 'Salak-Karangasem-2026!' };

export interface BuiltServer {
  url: string;
  child: ChildProcess;
  /** The server's environment: the CLI run with it (once the server is halted) works on the same data. */
  env: Record<string, string>;
  /** Stops the server and keeps its data folder (for the CLI); `stop` removes the folder after. */
  halt: () => Promise<void>;
  stop: () => Promise<void>;
}

/**
 * Builds the app, imports Bali (51) and NTB (52) into a fresh data folder, then serves the built
 * server (`node dist/server/main.js serve`). The embedded database allows one process at a time,
 * so the import runs first; with `demo`, Central Java (33) and Yogyakarta (34) are imported too and
 * the demo program is seeded, all five of its villages.
 */
export async function startBuiltServer(options: { build?: boolean; demo?: boolean } = {}): Promise<BuiltServer> {
  if (options.build !== false) execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'ovop-e2e-'));
  const port = await freePort();
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    OVOP_DATA_DIR: dataDir,
    OVOP_IMPORT_AREAS_ON_START: 'false',
    OVOP_ADMIN_EMAIL: ADMIN.email,
    OVOP_ADMIN_PASSWORD: ADMIN.password,
    OVOP_LOG_LEVEL: 'warn',
    // The journeys' villagers who join through the API each come from an address of their own
    // (x-forwarded-for, as from their own phones behind a proxy): from 127.0.0.1 alone, they would
    // use up the public forms' limit of 10 an hour per address that the browser's joins also need.
    OVOP_TRUST_PROXY: 'true',
    HOST: '127.0.0.1',
    PORT: String(port),
  };
  const provinces = options.demo ? '51,52,33,34' : '51,52';
  execFileSync(process.execPath, ['dist/server/main.js', 'import-areas', '--country', 'ID', '--provinces', provinces], {
    cwd: ROOT,
    env,
    stdio: 'ignore',
  });
  if (options.demo)
    execFileSync(process.execPath, ['dist/server/main.js', 'seed-demo'], { cwd: ROOT, env, stdio: 'ignore' });
  const child = spawn(process.execPath, ['dist/server/main.js', 'serve'], { cwd: ROOT, env, stdio: 'pipe' });
  let output = '';
  child.stdout.on('data', (d) => (output += String(d)));
  child.stderr.on('data', (d) => (output += String(d)));
  const url = `http://127.0.0.1:${port}`;
  const halt = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
  };
  const stop = async () => {
    await halt();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) return { url, child, env, halt, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`server did not start:\n${output}`);
}

/** The demo's salak chips and their newest batch (the lot its market sold from), read by the admin. */
export async function demoChips(url: string): Promise<{ chipsId: string; batchId: string; lot: string }> {
  const admin = await apiSession(url, ADMIN);
  const catalog = await admin<{ items: { id: string; name: string }[] }>('GET', '/api/v1/catalog/products?locale=id');
  const chipsId = catalog.items.find((p) => p.name === 'Keripik Salak Sibetan')!.id;
  const batches = await admin<{ items: { id: string; lotCode: string; producedOn: string }[] }>(
    'GET',
    `/api/v1/batches?productId=${chipsId}&limit=100`,
  );
  const newest = [...batches.items].sort((a, b) => b.producedOn.localeCompare(a.producedOn))[0]!;
  return { chipsId, batchId: newest.id, lot: newest.lotCode };
}
/** A signed-in API client, as a script would be: cookie plus the server's own Origin on writes. */
export async function apiSession(url: string, credentials: { email: string; password: string }) {
  const signIn = await fetch(`${url}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    // Only the two fields sign-in declares: the people passed in carry their name and area too.
    body: JSON.stringify({ email: credentials.email, password: credentials.password }),
  });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, origin: url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

export const FACILITATORS = {
  karangasem: {
    email: 'wayan@ovop.test',
    password: 'Pendamping-Karangasem-51!',
    name: 'Wayan Sudarsana',
    area: '51.07',
  },
  lombokBarat: { email: 'baiq@ovop.test', password: 'Pendamping-Lombok-Barat-52!', name: 'Baiq Nurul', area: '52.01' },
};

/** One program and a facilitator in each of two regencies, made through the API. */
export async function seedProgram(url: string): Promise<{ programId: string }> {
  const admin = await apiSession(url, ADMIN);
  const program = await admin<{ id: string }>('POST', '/api/v1/programs', {
    code: 'OVOP-BALI-NTB',
    name: 'Satu Desa Satu Produk Bali–NTB',
    country: 'ID',
    currency: 'IDR',
    locales: ['id', 'en', 'ja'],
    startedOn: '2026-01-05',
    categories: [
      { code: 'food', name: { id: 'Makanan olahan', en: 'Processed food', ja: '加工食品' } },
      { code: 'craft', name: { id: 'Kerajinan', en: 'Crafts', ja: '工芸品' } },
    ],
  });
  for (const f of Object.values(FACILITATORS)) {
    const user = await admin<{ id: string }>('POST', '/api/v1/users', {
      email: f.email,
      name: f.name,
      password: f.password,
    });
    await admin('POST', `/api/v1/programs/${program.id}/roles`, {
      userId: user.id,
      role: 'facilitator',
      areaCode: f.area,
    });
  }
  return { programId: program.id };
}

export const TRAINER = { email: 'bambang@ovop.test', password: 'Pelatih-Kemasan-2026!', name: 'Bambang Setiawan' };

/**
 * A one-day packaging session today in Lombok Barat, run by a trainer, with thirty women enrolled;
 * the first has passed the post-test already, so marking her present completes the course.
 */
export async function seedTrainingSession(url: string, programId: string) {
  const admin = await apiSession(url, ADMIN);
  const trainer = await admin<{ id: string }>('POST', '/api/v1/users', {
    email: TRAINER.email,
    name: TRAINER.name,
    password: TRAINER.password,
  });
  await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: trainer.id, role: 'trainer' });
  // Praya, Lombok Tengah: outside the areas the other journeys look at (Lombok Barat is 52.01).
  const areas = await admin<{ items: { code: string }[] }>('GET', '/api/v1/areas?parent=52.02.01');
  const village = await admin<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: areas.items.at(-1)!.code,
  });
  const group = await admin<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: 'KWT Dodol Rumput Laut',
    kind: 'women_group',
  });
  // Thirty participants: what one attendance screen must hold on a phone.
  const given = ['Baiq', 'Inaq', 'Lale', 'Ni Made', 'Siti', 'Dewi', 'Sri', 'Nur', 'Rina', 'Wayan'];
  const family = ['Rahmawati', 'Sumiati', 'Nurhayati', 'Suryani', 'Aminah', 'Kartini'];
  const names = ['Baiq Rahmawati', 'Inaq Sumiati', 'Lale Nurhayati'];
  for (let i = 3; i < 30; i++) names.push(`${given[i % given.length]} ${family[i % family.length]} ${i + 1}`);
  const members = [];
  for (const name of names) {
    members.push(
      await admin<{ id: string; name: string }>('POST', `/api/v1/groups/${group.id}/members`, {
        name,
        sex: 'female',
        birthYear: 1988,
        joinedOn: '2025-01-01',
      }),
    );
  }
  const question = (id: string) => ({ text: { id }, choices: [{ id: 'Ya' }, { id: 'Tidak' }], answer: 0 });
  const course = await admin<{ id: string }>('POST', '/api/v1/courses', {
    programId,
    title: { id: 'Kemasan dan label pangan olahan', en: 'Packaging and labelling processed food' },
    topic: 'packaging',
    durationHours: 6,
    postTest: { questions: [question('Label wajib memuat berat bersih?'), question('Kemasan perlu ditutup rapat?')] },
  });
  const today = new Date().toISOString().slice(0, 10);
  const session = await admin<{ id: string }>('POST', '/api/v1/sessions', {
    courseId: course.id,
    areaCode: areas.items.at(-1)!.code,
    address: 'Berugak Desa',
    startsOn: today,
    endsOn: today,
    trainerId: trainer.id,
    capacity: 30,
  });
  const enrolments = [];
  for (const m of members) {
    enrolments.push(
      await admin<{ id: string }>('POST', `/api/v1/sessions/${session.id}/enrolments`, { memberId: m.id }),
    );
  }
  const asTrainer = await apiSession(url, TRAINER);
  await asTrainer('POST', `/api/v1/sessions/${session.id}/enrolments/${enrolments[0]!.id}/tests/post`, {
    answers: [0, 0],
  });
  return { sessionId: session.id, members, enrolmentIds: enrolments.map((e) => e.id), today };
}

/** What an impact journey needs: a program manager of the whole program and one group with members. */
export interface ImpactWorld {
  manager: { email: string; password: string; name: string };
  /** The regency whose first district holds the village (`51.07`, Karangasem). */
  regency: string;
  /** Which village of that district, as `Array.at` counts (−1: the last). */
  village: number;
  group: string;
  /** Each member's name, sex, birth year and the day they joined. */
  members: { name: string; sex: 'female' | 'male'; birthYear: number; joinedOn: string }[];
}

/**
 * A program manager of the whole program, a village enrolled in the program, a women's group
 * registered there and its members, all through the API as an admin; answers the admin's client.
 */
export async function seedImpactWorld(url: string, programId: string, world: ImpactWorld) {
  const admin = await apiSession(url, ADMIN);
  const { email, name, password } = world.manager;
  const user = await admin<{ id: string }>('POST', '/api/v1/users', { email, name, password });
  await admin('POST', `/api/v1/programs/${programId}/roles`, { userId: user.id, role: 'program_manager' });
  const districts = await admin<{ items: { code: string }[] }>('GET', `/api/v1/areas?parent=${world.regency}`);
  const villages = await admin<{ items: { code: string }[] }>(
    'GET',
    `/api/v1/areas?parent=${districts.items[0]!.code}`,
  );
  const village = await admin<{ id: string }>('POST', '/api/v1/villages', {
    programId,
    areaCode: villages.items.at(world.village)!.code,
  });
  const group = await admin<{ id: string }>('POST', '/api/v1/groups', {
    programId,
    villageId: village.id,
    name: world.group,
    kind: 'women_group',
  });
  for (const member of world.members) await admin('POST', `/api/v1/groups/${group.id}/members`, member);
  return admin;
}
