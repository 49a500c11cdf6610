/**
 * Reading a raw value whatever its shape, for the rules that span several fields (crossChecks.ts,
 * groupChecks.ts): a value of the wrong type reads as absent (the schema reports it), only own
 * properties are read, and a list longer than the schema allows reads as absent (the schema
 * reports its length and, like zod, looks no further). Never throws on plain data.
 */
export type Rec = Record<string, unknown>;

export const isRecord = (v: unknown): v is Rec => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
export const field = (v: unknown, key: string): unknown =>
  isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined;

/** The list `input[key]` when it is one of at most `max` entries, else none. */
export const listAt = (input: unknown, key: string, max: number): unknown[] | null => {
  const v = field(input, key);
  return Array.isArray(v) && v.length <= max ? v : null;
};

/**
 * An id as shown inside a message: escaped as in JSON (without the quotes the message adds), so
 * that a line break or control character in an id cannot split a problem over several lines.
 */
export const shown = (id: string): string => JSON.stringify(id).slice(1, -1);

/** At most this many known ids are listed in a message. */
export const MAX_LISTED = 20;

/** Ids as a message lists them: escaped, at most `MAX_LISTED` and then `…`. */
export const listed = (ids: readonly string[]): string[] => {
  const all = ids.map(shown);
  return all.length > MAX_LISTED ? [...all.slice(0, MAX_LISTED), '…'] : all;
};
