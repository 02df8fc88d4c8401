import type { BaseListTypeInfo } from '@keystone-6/core/types';

export type Role = 'reporter' | 'editor' | 'admin';

export type Session = {
  itemId: string;
  listKey: 'User';
  data: { name: string; role: Role; isActive: boolean };
};

type AccessArgs = { session?: Session };

export const isSignedIn = ({ session }: AccessArgs) => Boolean(session?.data?.isActive);

export const isEditor = ({ session }: AccessArgs) =>
  isSignedIn({ session }) && (session!.data.role === 'editor' || session!.data.role === 'admin');

export const isAdmin = ({ session }: AccessArgs) => isSignedIn({ session }) && session!.data.role === 'admin';

/** Reporters see their own drafts; editors see everything; the public sees published stories. */
export function storyReadFilter({ session }: AccessArgs) {
  if (isEditor({ session })) return true;
  if (isSignedIn({ session })) {
    return { OR: [{ status: { equals: 'published' } }, { author: { id: { equals: session!.itemId } } }] };
  }
  return { status: { equals: 'published' } };
}

export function ownStoryOrEditor({ session, item }: AccessArgs & { item: BaseListTypeInfo['item'] }) {
  if (isEditor({ session })) return true;
  return isSignedIn({ session }) && item.authorId === session!.itemId && item.status !== 'published';
}
