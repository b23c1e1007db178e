/**
 * Progress and a deadline for each phase of a long benchmark. A phase that stalls (a browser that
 * stops answering, a sync that never completes) fails loudly with its name after `timeoutMs`
 * instead of leaving the run hanging with no output. Progress goes to stderr, so the figures on
 * stdout stay the Markdown the bench runner collects.
 */
export class PhaseTimeout extends Error {
  constructor(
    readonly phase: string,
    readonly timeoutMs: number,
  ) {
    super(`bench phase "${phase}" did not finish within ${timeoutMs} ms`);
  }
}

export async function phase<T>(name: string, timeoutMs: number, run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  process.stderr.write(`[bench] ${name} …\n`);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new PhaseTimeout(name, timeoutMs)), timeoutMs);
  });
  try {
    const value = await Promise.race([run(), deadline]);
    process.stderr.write(`[bench] ${name}: done in ${(performance.now() - started).toFixed(0)} ms\n`);
    return value;
  } finally {
    clearTimeout(timer);
  }
}
