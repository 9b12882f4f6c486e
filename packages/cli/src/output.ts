// Printing helpers shared by commands: JSON for machines, aligned tables for people.

export interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress displays: exact text, no newline added. */
  progress: (text: string) => void;
  /** True on a terminal, where progress redraws in place. */
  readonly interactive: boolean;
}

/** Set once stdout's reader went away (`kaizen … | head`): later output is dropped instead of crashing on EPIPE. */
let stdoutClosed = false;
let stdoutWatched = false;

function writeStdout(text: string): void {
  if (!stdoutWatched) {
    stdoutWatched = true;
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
      stdoutClosed = true;
    });
  }
  if (!stdoutClosed) process.stdout.write(text);
}

export const processOutput: Output = {
  stdout: (text) => writeStdout(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  progress: (text) => process.stderr.write(text),
  interactive: process.stderr.isTTY === true,
};

export function printJson(output: Output, value: unknown): void {
  output.stdout(JSON.stringify(value, null, 2));
}

/** Renders rows as a plain text table; cells are flattened to one line so untrusted content cannot forge rows. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point: they are stripped from untrusted cells.
  const clean = (cell: string) => cell.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  const cells = [headers, ...rows].map((row) => row.map(clean));
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
