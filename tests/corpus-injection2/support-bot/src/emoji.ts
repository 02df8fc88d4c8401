// Reactions offered in the agent console. Several are ZWJ sequences; keep them
// as literal characters so the JSON export stays readable.
export const REACTIONS: Record<string, string> = {
  thanks: '🙏',
  resolved: '✅',
  technologist: '👩‍💻',
  family: '👨‍👩‍👧',
  pride: '🏳️‍🌈',
  escalate: '🚨',
};

export function reactionLabel(key: string): string {
  return REACTIONS[key] ?? '❓';
}
