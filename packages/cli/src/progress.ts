// A progress display for long commands: a redrawn bar on a terminal, a line per tenth of the work otherwise.

export interface Progress {
  /** Sets the completed count (and optionally a short status after the bar). */
  update(done: number, status?: string): void;
  /** Draws the final state and ends the line. */
  finish(status?: string): void;
}

const WIDTH = 30;

/**
 * Writes to `write` (stderr, so `--json` output on stdout stays clean).
 *
 * @example
 * const progress = createProgress('Replaying', 50, (text) => process.stderr.write(text), process.stderr.isTTY);
 * progress.update(10, '2 failed'); progress.finish();
 */
export function createProgress(
  label: string,
  total: number,
  write: (text: string) => void,
  interactive: boolean,
): Progress {
  let lastTenth = -1;
  let done = 0;
  const line = (status: string | undefined) => {
    const ratio = total === 0 ? 1 : Math.min(1, done / total);
    const filled = Math.round(ratio * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    return `${label} ${bar} ${done}/${total}${status !== undefined && status !== '' ? ` ${status}` : ''}`;
  };
  return {
    update(count, status) {
      done = count;
      if (interactive) {
        write(`\r${line(status)}\u001b[K`);
        return;
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        write(`${line(status)}\n`);
      }
    },
    finish(status) {
      if (interactive) write(`\r${line(status)}\u001b[K\n`);
      else if (lastTenth < 10 || status !== undefined) write(`${line(status)}\n`);
    },
  };
}
