import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Which module owns which table (docs/architecture.md). A module's SQL names only its own tables
 * and other modules' read-model views (`CREATE VIEW <owner>_<name>` in the migrations); what else
 * it needs from another module it asks that module for, through a function of its index.ts.
 */
const OWNERS: Record<string, string[]> = {
  platform: [
    'users',
    'sessions',
    'api_tokens',
    'sign_in_failures',
    'audit_log',
    'notifications',
    'email_outbox',
    'invitations',
    'notification_preferences',
    'push_subscriptions',
    'push_vapid_keys',
  ],
  geography: ['areas', 'boundary_sets', 'boundaries'],
  countries: ['country_packs'],
  organisations: ['organisations', 'organisation_programs', 'organisation_members', 'organisation_rates'],
  programs: ['programs', 'role_grants'],
  registry: ['villages', 'producer_groups', 'members', 'products', 'product_photos'],
  quality: [
    'rating_schemes',
    'assessor_tiers',
    'assessments',
    'panel_scores',
    'assessment_evidence',
    'assessment_appeals',
    'product_ratings',
    'certifications',
  ],
  training: [
    'courses',
    'training_sessions',
    'enrolments',
    'attendance',
    'test_attempts',
    'training_certificates',
    'training_certificate_settings',
  ],
  business: [
    'ledger_accounts',
    'ledger_books',
    'ledger_closings',
    'journal_entries',
    'journal_lines',
    'batches',
    'batch_inputs',
    'stock_movements',
    'fixed_assets',
    'asset_depreciation',
    'ledger_month_balances',
    'sales_month_totals',
    'sales_month_provinces',
  ],
  impact: [
    'impact_settings',
    'impact_targets',
    'impact_class_rules',
    'impact_dhis2_settings',
    'impact_dhis2_data_elements',
    'impact_dhis2_org_units',
    'impact_dhis2_pushes',
  ],
  community: [
    'community_sanctions',
    'community_space_moderators',
    'community_rules',
    'community_joins',
    'community_profiles',
    'community_spaces',
    'community_threads',
    'community_posts',
    'community_post_translations',
    'community_helpful',
    'community_follows',
    'community_reports',
    'community_moderation_log',
    'community_words',
    'community_mentors',
    'community_mentorships',
    'community_mentoring_sessions',
    'community_follow_ups',
    'community_stories',
    'community_story_photos',
    'community_post_photos',
    'community_story_templates',
    'community_events',
    'community_event_rsvps',
    'community_calendar_feeds',
    'community_announcements',
    'community_announcement_reads',
  ],
  market: [
    'catalog_words',
    'catalog_version',
    'catalog_cards',
    'buyers',
    'inquiries',
    'inquiry_messages',
    'quotes',
    'orders',
    'order_allocations',
  ],
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const modulesDir = join(root, 'src/server/modules');
const migrationsDir = join(root, 'src/server/db/migrations');

const modules = readdirSync(modulesDir, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const ownerOfTable = new Map(Object.entries(OWNERS).flatMap(([module, tables]) => tables.map((t) => [t, module])));

const migrations = readdirSync(migrationsDir)
  .filter((name) => name.endsWith('.sql'))
  .map((name) => readFileSync(join(migrationsDir, name), 'utf8'))
  .join('\n');
const createdTables = [...migrations.matchAll(/CREATE\s+TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi)].map((m) => m[1]!);
const createdViews = [
  ...migrations.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW\s+(?:IF\s+NOT\s+EXISTS\s+)?(\w+)/gi),
].map((m) => m[1]!);
/** A read-model view's owner: the module its name starts with (`registry_groups` → registry). */
const ownerOfView = new Map(
  createdViews.flatMap((view) => {
    const owner = modules.find((module) => view.startsWith(`${module}_`));
    return owner ? [[view, owner] as const] : [];
  }),
);

/** The tables and views a piece of SQL-bearing code names, with the line of each mention. */
function namedRelations(text: string): { name: string; line: number }[] {
  const patterns = [
    // SQL in template strings, over several lines too: FROM x, JOIN x, UPDATE x, INTO x, DELETE FROM x.
    /\b(?:FROM|JOIN|UPDATE|INTO)\s+(?:ONLY\s+)?"?([a-z_][a-z0-9_]*)/g,
    // lockRow(tx, 'table', id)
    /\blockRow\(\s*[^,]+,\s*['"`]([a-z_][a-z0-9_]*)['"`]/g,
  ];
  return patterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({
      name: m[1]!,
      line: text.slice(0, m.index + m[0].length).split('\n').length,
    })),
  );
}

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|sql)$/.test(e.name) && !e.name.endsWith('.test.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Every place a module's code names a table that another module owns. */
function foreignTableReferences(): string[] {
  const found: string[] = [];
  for (const module of modules) {
    for (const file of codeFiles(join(modulesDir, module))) {
      for (const { name, line } of namedRelations(readFileSync(file, 'utf8'))) {
        const owner = ownerOfTable.get(name);
        if (owner && owner !== module) {
          found.push(`${relative(root, file)}:${line} names ${owner}'s table ${name}`);
        }
      }
    }
  }
  return found;
}

describe('table ownership', () => {
  it('gives every table of the migrations an owner module, and owns no table that does not exist', () => {
    expect(createdTables.length).toBeGreaterThan(0);
    const unowned = createdTables.filter((table) => !ownerOfTable.has(table));
    expect(unowned, `tables with no owner in OWNERS: ${unowned.join(', ')}`).toEqual([]);
    const stale = [...ownerOfTable.keys()].filter((table) => !createdTables.includes(table));
    expect(stale, `OWNERS lists tables no migration creates: ${stale.join(', ')}`).toEqual([]);
    const unknownOwners = Object.keys(OWNERS).filter((module) => !modules.includes(module));
    expect(unknownOwners, `OWNERS names modules that do not exist: ${unknownOwners.join(', ')}`).toEqual([]);
  });

  it('names each read-model view after a module', () => {
    const orphans = createdViews.filter((view) => !ownerOfView.has(view));
    expect(orphans, `views whose name does not start with a module's: ${orphans.join(', ')}`).toEqual([]);
  });

  it('finds the tables named in SQL over several lines and in lockRow', () => {
    const sample = `SELECT g.id FROM registry_groups g\n  JOIN\n    products p ON p.id = $1;\nawait lockRow(tx, 'orders', id);`;
    expect(namedRelations(sample).map((r) => `${r.name}:${r.line}`)).toEqual([
      'registry_groups:1',
      'products:3',
      'orders:4',
    ]);
  });

  it("keeps each module's SQL to its own tables and other modules' read-model views", () => {
    const found = foreignTableReferences();
    expect(found, `${found.length} references to other modules' tables:\n${found.join('\n')}`).toEqual([]);
  });
});
