import { describe, expect, it } from 'vitest';
import { DEMO_VILLAGES } from './demo-data.js';
import { DEMO_PICTURES, drawDemoPicture } from './picture-drawings.js';

describe('the demo pictures', () => {
  it('draws the same picture every time', () => {
    for (const picture of DEMO_PICTURES) expect(drawDemoPicture(picture, 800)).toBe(drawDemoPicture(picture, 800));
  });

  it('draws a different picture for each demo product, without any text in it', () => {
    const products = DEMO_VILLAGES.flatMap((v) => v.group.products);
    const drawings = products.map((p) => drawDemoPicture(p.picture, 800));
    expect(new Set(drawings).size).toBe(products.length);
    for (const svg of drawings) expect(svg).not.toMatch(/<text|<tspan/);
  });

  it('draws at the width asked, in 4:3', () => {
    expect(drawDemoPicture('forest-honey', 640)).toMatch(/^<svg [^>]*width="640" height="480" viewBox="0 0 800 600"/);
  });
});
