export interface Freeze {
  id: number;
  owner: string;
  repo: string;
  reason: string;
  startsAt: Date;
  endsAt: Date;
  createdBy: string;
  liftedAt: Date | null;
}

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
};

export function parseDuration(input: string): number {
  const match = /^(\d+)([mhd])$/.exec(input.trim());
  if (!match) {
    throw new RangeError(`invalid duration "${input}" (expected e.g. 30m, 4h, 2d)`);
  }
  const amount = Number(match[1]);
  if (amount === 0) {
    throw new RangeError("duration must be positive");
  }
  return amount * UNIT_MS[match[2]];
}

export function activeFreeze(freezes: Freeze[], now: Date): Freeze | undefined {
  return freezes
    .filter((f) => f.liftedAt === null && f.startsAt <= now && now < f.endsAt)
    .sort((a, b) => b.endsAt.getTime() - a.endsAt.getTime())[0];
}

export function describeFreeze(freeze: Freeze): string {
  const until = freeze.endsAt.toISOString().replace("T", " ").slice(0, 16);
  return [
    `:snowflake: **Release freeze in effect** until ${until} UTC.`,
    "",
    `> ${freeze.reason}`,
    "",
    `Set by @${freeze.createdBy}. Merges to the default branch will fail the \`release-guard\` check until the freeze ends or is lifted with \`/unfreeze\`.`,
  ].join("\n");
}
