import type { Ctx } from '../../http/context.js';
import { forbidden } from '../../http/errors.js';
import { loadPack, packCountries } from '../../packs/index.js';
import type { ProgramFromPackBody } from '../../../shared/schemas/countries.js';
import { requireUser } from '../platform/index.js';
import { countriesRepository } from './countries.repository.js';
import { createProgramFromPack, installPack, type PackPlan } from './countries.service.js';

/**
 * The admin screens' side of country packs: the same services `ovop country add` and `ovop programs
 * create --country` call, for a platform admin only (a pack changes every program's areas).
 */
function requireAdmin(ctx: Ctx) {
  const actor = requireUser(ctx.actor);
  if (!actor.isAdmin) throw forbidden('Only a platform admin may do this.', { code: 'admin-only' });
  return actor;
}

/** Every pack this installation's code carries, with the version installed (if any). */
export async function listPacks(ctx: Ctx) {
  requireAdmin(ctx);
  const items = [];
  for (const country of packCountries()) {
    const { pack } = loadPack(country);
    const installed = await countriesRepository.installed(ctx.db, country);
    items.push({
      country,
      version: pack.version,
      installedVersion: installed?.version ?? null,
      currency: pack.currency.code,
      locales: pack.locales,
    });
  }
  return { items };
}

/** What installing (or upgrading to) the pack would change: the dry run, nothing written. */
export async function planPack(ctx: Ctx, country: string): Promise<PackPlan> {
  requireAdmin(ctx);
  return installPack(ctx.db, country, { dryRun: true });
}

export async function installPackAsAdmin(ctx: Ctx, country: string): Promise<PackPlan> {
  requireAdmin(ctx);
  return installPack(ctx.db, country, { by: ctx });
}

export async function programFromPack(ctx: Ctx, country: string, body: ProgramFromPackBody) {
  requireAdmin(ctx);
  const { program, scheme } = await createProgramFromPack(ctx, { country, ...body });
  const { id, code, name, currency, locales } = program;
  return { program: { id, code, name, country: program.country, currency, locales }, scheme };
}
