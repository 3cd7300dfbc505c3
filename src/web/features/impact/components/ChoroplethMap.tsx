import { geoMercator, geoPath } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { useMemo } from 'react';
import { feature } from 'topojson-client';
import type { BoundariesAnswer } from '../../../../shared/schemas/geography';

/** The drawing's width in its own units; the SVG scales to its box, keeping the outlines' shape. */
const WIDTH = 640;

export interface MapArea {
  fill: string;
  /** The legend class (0–4), or "none" without a figure: for tests and the stylesheet. */
  shade: string;
  /** What a mouse pointer shows: "Bali: 1.234". */
  label: string;
}

interface MapProps {
  topology: BoundariesAnswer['topology'];
  /** Each outlined area's fill and text, by area code. */
  areas: (code: string) => MapArea;
  /** Codes of outlines that also hold a newer area without an outline of its own (drawn dashed). */
  holders: Set<string>;
  /** Tapping an area: drill into it (absent where there is no level below). */
  onOpen: ((code: string) => void) | undefined;
}

/**
 * The outlines as an SVG choropleth: Mercator, fitted to the outlines' width, as tall as they need.
 * Hidden from assistive technology: the table beside it carries the same numbers and the same
 * drilling, one row per area in value order, which a screen reader and a keyboard use far better
 * than 38 shapes in no reading order.
 */
export function ChoroplethMap({ topology, areas, holders, onOpen }: MapProps) {
  const drawn = useMemo(() => {
    const collection = feature(
      topology as unknown as Parameters<typeof feature>[0],
      topology.objects.areas as unknown as Parameters<typeof feature>[1],
    ) as unknown as FeatureCollection<Geometry>;
    const projection = geoMercator().fitWidth(WIDTH, collection);
    const path = geoPath(projection);
    const [[, top], [, bottom]] = path.bounds(collection);
    const height = Math.ceil(bottom - top) + 2;
    projection.translate([projection.translate()[0], projection.translate()[1] - top + 1]);
    return {
      height,
      shapes: collection.features.map((f) => ({ code: String(f.id), d: path(f) ?? '' })),
    };
  }, [topology]);

  return (
    <svg
      className="choropleth"
      viewBox={`0 0 ${WIDTH} ${drawn.height}`}
      preserveAspectRatio="xMidYMid meet"
      aria-hidden="true"
      focusable="false"
    >
      {drawn.shapes.map(({ code, d }) => {
        const area = areas(code);
        return (
          <path
            key={code}
            d={d}
            fill={area.fill}
            data-area={code}
            data-shade={area.shade}
            className={holders.has(code) ? 'holder' : undefined}
            onClick={onOpen ? () => onOpen(code) : undefined}
          >
            <title>{area.label}</title>
          </path>
        );
      })}
    </svg>
  );
}
