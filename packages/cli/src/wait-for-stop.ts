// Long-running commands (serve, worker) run until Ctrl-C (SIGINT) or SIGTERM.

/** Resolves at the first SIGINT or SIGTERM. */
export function waitForStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
