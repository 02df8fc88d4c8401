// Progress on stderr: a redrawn bar on a TTY, plain lines otherwise, nothing when quiet.

export interface Progress {
  tick(file: string, note: string): void;
  done(): void;
}

export function progress(total: number, opts: { tty: boolean; quiet: boolean; write: (s: string) => void }): Progress {
  let n = 0;
  if (opts.quiet || total === 0) return { tick: () => { n++; }, done: () => {} };
  if (!opts.tty) {
    return {
      tick: (file, note) => { n++; opts.write(`[${n}/${total}] ${file} ${note}\n`); },
      done: () => {},
    };
  }
  const width = 28;
  return {
    tick: (file, note) => {
      n++;
      const filled = Math.round((n / total) * width);
      const name = file.length > 40 ? "…" + file.slice(-39) : file;
      opts.write(`\r\x1b[2K[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${n}/${total} ${name} ${note}`);
    },
    done: () => opts.write("\r\x1b[2K"),
  };
}
