import { Mongo } from 'meteor/mongo';

export type MembershipStatus = 'active' | 'lapsed' | 'suspended';

export interface Member {
  _id?: string;
  clubId: string;
  userId: string;
  name: string;
  email: string;
  phone?: string;
  status: MembershipStatus;
  duesCents: number;
  membershipExpiresAt: Date;
  joinedAt: Date;
}

export interface Invite {
  _id?: string;
  clubId: string;
  email: string;
  token: string;
  invitedBy: string;
  expiresAt: Date;
  acceptedBy?: string;
  acceptedAt?: Date;
}

export const Members = new Mongo.Collection<Member>('members');
export const Invites = new Mongo.Collection<Invite>('invites');

// fields any fellow member may see in the club directory
export const DIRECTORY_FIELDS = { name: 1, clubId: 1, status: 1, joinedAt: 1 } as const;
