import { Mongo } from 'meteor/mongo';

export interface ClubEvent {
  _id?: string;
  clubId: string;
  title: string;
  description: string;
  location: string;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  isPublic: boolean;
  // short code posted at the venue door; attendees enter it to check in
  doorCode: string;
  attendees: string[];
  checkedIn: string[];
  createdBy: string;
}

export const Events = new Mongo.Collection<ClubEvent>('events');

export const PUBLIC_EVENT_FIELDS = {
  clubId: 1,
  title: 1,
  description: 1,
  location: 1,
  startsAt: 1,
  endsAt: 1,
} as const;
