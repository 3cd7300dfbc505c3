import { describe, expect, it, vi } from 'vitest';
import { testConfig, useTestApp } from '../../../../test/app.js';
import { buildGroup, buildProduct } from '../../../../test/factories.js';
import { buildApp } from '../../app.js';
import { heldCatalog } from './catalog-held.js';
import { catalogVersion } from './catalog.service.js';

// A file of its own: a fresh database, so that no catalog is held for it yet.
const t = useTestApp();

describe('a server told to hold the catalog in memory (OVOP_CATALOG_IN_MEMORY=true)', () => {
  it('answers the API from memory once it is read, when the server is told to hold it', async () => {
    const db = t.database.db;
    const group = await buildGroup(db);
    const honey = await buildProduct(db, { groupId: group.id, name: { id: 'Madu hutan Sibetan' } });
    const app = await buildApp({
      config: { ...testConfig, catalogInMemory: true, catalogCacheBytes: 0 },
      db,
      logger: false,
    });
    try {
      const ask = async () => {
        const response = await app.inject({ method: 'GET', url: '/api/v1/catalog/products?q=madu%20hutan&locale=ja' });
        expect(response.statusCode).toBe(200);
        return response.body;
      };
      // The first question is answered by the database, and begins the read.
      const first = await ask();
      expect(JSON.parse(first)).toMatchObject({ items: [{ id: honey.id }] });
      const version = await catalogVersion(db);
      await vi.waitFor(() => expect(heldCatalog(db, version)).toBeDefined(), { timeout: 60_000, interval: 50 });
      const statements = vi.spyOn(db, 'query');
      expect(await ask()).toBe(first);
      expect(statements).not.toHaveBeenCalled();
      statements.mockRestore();
    } finally {
      await app.close();
    }
  });
});
