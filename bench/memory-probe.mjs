// Loaded with `--import` into the server that bench/embedded.ts starts (`npm start`): on SIGUSR2 it
// writes where the process's memory is to OVOP_MEMORY_PROBE — process.memoryUsage(), the
// WebAssembly memories (PGlite's heap) it saw made, and /proc/self/smaps_rollup. npm's own node
// process loads it too and ignores it.
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.env.OVOP_MEMORY_PROBE;
if (file && process.argv[1]?.endsWith('start.mjs')) {
  const memories = [];
  const { WebAssembly } = globalThis;
  const Memory = WebAssembly.Memory;
  WebAssembly.Memory = class extends Memory {
    constructor(descriptor) {
      super(descriptor);
      memories.push(new WeakRef(this));
    }
  };
  const smaps = () => {
    const text = readFileSync('/proc/self/smaps_rollup', 'utf8');
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0) * 1024;
    return { rss: kb('Rss'), anonymous: kb('Anonymous'), fileBacked: kb('Rss') - kb('Anonymous') };
  };
  process.on('SIGUSR2', () => {
    const live = memories.map((ref) => ref.deref()).filter(Boolean);
    writeFileSync(
      file,
      JSON.stringify({
        ...process.memoryUsage(),
        ...smaps(),
        wasmMemories: live.length,
        wasmBytes: live.reduce((sum, m) => sum + m.buffer.byteLength, 0),
      }),
    );
  });
  writeFileSync(`${file}.pid`, String(process.pid));
}
