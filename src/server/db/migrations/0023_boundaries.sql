-- Geography: area outlines for maps, any country, any level. One set per country and level,
-- imported and replaced whole (`ovop import-boundaries`, and Indonesia's provinces at first start),
-- with the licence and attribution its source asks for.
CREATE TABLE boundary_sets (
  country text NOT NULL,
  level text NOT NULL,
  licence text NOT NULL,
  attribution text NOT NULL,
  source text NOT NULL,
  -- The set's outlines as one quantized TopoJSON topology (a border shared by two areas is stored
  -- once), built at import: what GET /api/v1/areas/boundaries sends, read as one row.
  topology jsonb NOT NULL,
  -- sha256 of the topology, licence, attribution and source: part of the answer's ETag.
  digest text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (country, level)
);

-- Each area's outline, keyed by its code.
CREATE TABLE boundaries (
  area_code text PRIMARY KEY REFERENCES areas (code),
  country text NOT NULL,
  level text NOT NULL,
  -- A GeoJSON Polygon or MultiPolygon in longitude and latitude (WGS 84).
  geometry jsonb NOT NULL,
  -- Areas of the same level without an outline of their own whose land lies within this one (a
  -- province newer than the source: its parent's outline carries the parent's code and covers it).
  covers text[] NOT NULL DEFAULT '{}',
  FOREIGN KEY (country, level) REFERENCES boundary_sets (country, level) ON DELETE CASCADE
);
CREATE INDEX boundaries_set ON boundaries (country, level);
