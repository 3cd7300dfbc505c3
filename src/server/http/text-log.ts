import { Writable } from 'node:stream';

/** pino's numeric levels, by name. */
const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

interface LogEntry {
  level?: number;
  time?: number;
  msg?: string;
  reqId?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  responseTime?: number;
  err?: { type?: string; message?: string; stack?: string };
}

/** One pino JSON line as one short readable line; a line that is not JSON passes as it is. */
export function textLine(json: string): string {
  let entry: LogEntry;
  try {
    entry = JSON.parse(json) as LogEntry;
  } catch {
    return json;
  }
  const time = new Date(entry.time ?? Date.now()).toISOString().slice(11, 19);
  const level = (LEVELS[entry.level ?? 30] ?? 'INFO').padEnd(5);
  const parts = [time, level, entry.msg ?? ''];
  if (entry.req?.method) parts.push(`${entry.req.method} ${entry.req.url ?? ''}`);
  if (entry.res?.statusCode) parts.push(`→ ${entry.res.statusCode}`);
  if (entry.responseTime !== undefined) parts.push(`${Math.round(entry.responseTime)} ms`);
  if (entry.reqId) parts.push(`[${entry.reqId}]`);
  const line = parts.filter(Boolean).join(' ');
  return entry.err?.stack ? `${line}\n${entry.err.stack}` : line;
}

/** A stream for the server's logger that writes `textLine`s to `out` (stdout on `ovop serve`). */
export function textLogStream(out: NodeJS.WritableStream): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const text = chunk
        .toString('utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map(textLine)
        .join('\n');
      out.write(`${text}\n`);
      done();
    },
  });
}
