/**
 * The data files bundled with the app (every data/*.csv, built in): history tables, the regional
 * table, and the illustrative district example used by the credibility section only.
 */
const bundled = import.meta.glob('../../data/*.csv', {
  eager: true,
  query: '?raw',
  import: 'default',
}) as Record<string, string>;

export const DISTRICTS_EXAMPLE = 'districts-example.csv';

const all = Object.entries(bundled)
  .map(([path, text]) => ({ file: path.split('/').pop()!, text }))
  .sort((a, b) => a.file.localeCompare(b.file));

/** The bundled history and regional tables, by file name. */
export const DATA_FILES: { file: string; text: string }[] = all.filter((f) => f.file !== DISTRICTS_EXAMPLE);

/** The illustrative districts × years example (made-up figures), if bundled. */
export const districtsExample = (): string | null =>
  all.find((f) => f.file === DISTRICTS_EXAMPLE)?.text ?? null;
