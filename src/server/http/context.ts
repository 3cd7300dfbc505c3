import type { FastifyBaseLogger, FastifyRequest } from 'fastify';
import type { Config } from '../config.js';
import type { PersonalDataCipher } from '../crypto/personal-data.js';
import type { Database } from '../db/database.js';
import type { FileStorage } from '../storage/file-storage.js';

import { ROLES, type Role } from '../../shared/roles.js';

export { ROLES, type Role };

/** A role in one program, optionally narrowed to an area subtree (with its materialised path) or a group. */
export interface Grant {
  id: string;
  programId: string;
  role: Role;
  areaCode: string | null;
  areaPath: string | null;
  groupId: string | null;
}

export interface UserActor {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  locale: string;
  isAdmin: boolean;
  grants: Grant[];
  via: 'session' | 'token';
}

export type Actor = UserActor | { kind: 'anonymous' };
export const anonymous: Actor = { kind: 'anonymous' };

/** The command line and start-up tasks act as this admin; the audit log shows its all-zero id. */
export const systemActor: UserActor = {
  kind: 'user',
  id: '00000000-0000-0000-0000-000000000000',
  email: 'system@ovop.local',
  name: 'System',
  locale: 'id',
  isAdmin: true,
  grants: [],
  via: 'session',
};

/** What every service receives: who acts, on which database, for which request. */
export interface Ctx {
  db: Database;
  actor: Actor;
  requestId: string | null;
  /** Encrypts and decrypts personal data with the key from OVOP_SECRET. */
  cipher: PersonalDataCipher;
  log?: FastifyBaseLogger;
}

/** Who may reach a route at all; finer scope rules live in each module's policy. */
export type Access = 'public' | 'user';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    db: Database;
    config: Config;
    cipher: PersonalDataCipher;
    files: FileStorage;
  }
}

export function ctxOf(request: FastifyRequest): Ctx {
  return {
    db: request.server.db,
    actor: request.actor,
    requestId: request.id,
    cipher: request.server.cipher,
    log: request.log,
  };
}
