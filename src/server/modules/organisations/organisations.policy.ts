import type { UserActor } from '../../http/context.js';
import type { OrganisationRow } from './organisations.repository.js';

/**
 * Who may do what on an organisation (decision 027). A grant on an organisation is its own thing:
 * it reaches the organisation's side-by-side figures (the programs' public-grade figures, suppressed
 * as on their public pages), never a program's own records; and a program grant never reaches an
 * organisation.
 */
export const mayReadOrganisation = (actor: UserActor, o: OrganisationRow): boolean => actor.isAdmin || o.role !== null;

/** Rates are the organisation's own word: its admins enter them (and a platform admin). */
export const mayEnterRates = (actor: UserActor, o: OrganisationRow): boolean =>
  actor.isAdmin || o.role === 'organisation_admin';

/** Making an organisation, naming its programs and granting people on it: a platform admin's. */
export const mayManageOrganisations = (actor: UserActor): boolean => actor.isAdmin;
