export async function restoreSnapshot(snapshot: string, target: string): Promise<void> {
  throw new Error(`restore is not implemented (snapshot=${snapshot}, target=${target})`);
}
