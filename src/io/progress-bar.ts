// Edge: a progress bar drawn on a terminal's stream with cli-progress, loaded on first use (it is
// only needed by a long `check` on a terminal). Commands get it through Context.progressBar and
// say only what to show, so that they never touch process.stderr themselves (#15).
/** A progress bar on the terminal: `update` moves it (to `value`, when given) and sets its fields. */
export interface ProgressBar {
  update(value: number | undefined, fields: Record<string, string>): void;
  stop(): void;
}


export async function terminalProgressBar(stream: NodeJS.WriteStream, total: number, format: string, payload: Record<string, string>): Promise<ProgressBar> {
  const { default: cliProgress } = await import("cli-progress");
  const bar = new cliProgress.SingleBar(
    { format, barsize: 20, hideCursor: true, clearOnComplete: true, stream, noTTYOutput: false },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, payload);
  return {
    update: (value, fields) => (value === undefined ? bar.update(fields) : bar.update(value, fields)),
    stop: () => bar.stop(),
  };
}
