import pino, { Logger } from "pino";
import type { LogLevel } from "../config";

export type { Logger } from "pino";

// Any run of 16 digits could be a NIK; logs keep the first four (the regency) and the
// last four, as the VIEWER masking does.
const NIK_LIKE = /(?<!\d)(\d{4})\d{8}(\d{4})(?!\d)/g;

/** `text` with every NIK-like number masked, for anything a log line quotes. */
export function maskNiks(text: string): string {
  return text.replace(NIK_LIKE, "$1********$2");
}

/**
 * JSON lines on stdout at `level`. No pretty-printing in the process: it costs on every
 * line; pipe through `pino-pretty` to read logs by eye. Lines are written in batches of
 * about 4 KB, or after at most a second: a write per request line cost the hot reads about a
 * seventh of their CPU. pino flushes what is left when the process exits.
 */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "sertakan-api" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      hooks: {
        // Messages are free text (errors quote SQL values): mask NIKs in them.
        logMethod(args, method) {
          for (let i = 0; i < args.length; i++)
            if (typeof args[i] === "string") args[i] = maskNiks(args[i] as string);
          method.apply(this, args as Parameters<typeof method>);
        },
      },
    },
    destination ?? batchedStdout(),
  );
}

const FLUSH_EVERY_MS = 1_000;

function batchedStdout(): pino.DestinationStream {
  const stdout = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  // A quiet server's lines must not wait for the batch to fill.
  setInterval(() => stdout.flush(), FLUSH_EVERY_MS).unref();
  return stdout;
}

/** A logger that writes nothing (tests and tools that pass no logger). */
export const silentLogger: Logger = pino({ level: "silent" });
