import { withClient } from "../db.ts";
import { log } from "../logger.ts";
import { releaseDeposit } from "./payments.ts";

export interface Room {
  id: string;
  name: string;
  building: string;
  capacity: number;
  hasVideo: boolean;
}

export interface Booking {
  id: string;
  roomId: string;
  userId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
  depositId: string | null;
  cancelledAt: Date | null;
}

export interface TimeRange {
  from: Date;
  to: Date;
}

export class BookingConflict extends Error {}

function rangeClause(range: TimeRange, offset: number): { sql: string; args: Date[] } {
  return {
    sql: `starts_at < $${offset + 1} AND ends_at > $${offset}`,
    args: [range.from, range.to],
  };
}

export async function listRooms(building?: string): Promise<Room[]> {
  return await withClient(async (c) => {
    const res = building
      ? await c.queryObject<Room>`SELECT id, name, building, capacity, has_video AS "hasVideo" FROM rooms WHERE building = ${building} ORDER BY name`
      : await c.queryObject<Room>`SELECT id, name, building, capacity, has_video AS "hasVideo" FROM rooms ORDER BY building, name`;
    return res.rows;
  });
}

export async function findAvailableRooms(range: TimeRange, minCapacity: number): Promise<Room[]> {
  return await withClient(async (c) => {
    const res = await c.queryObject<Room>({
      text: `SELECT r.id, r.name, r.building, r.capacity, r.has_video AS "hasVideo"
               FROM rooms r
              WHERE NOT EXISTS (
                SELECT 1 FROM bookings b
                 WHERE b.room_id = r.id AND b.cancelled_at IS NULL AND b.starts_at < $2 AND b.ends_at > $1)
              ORDER BY r.capacity, r.name`,
      args: [range.from, range.to],
    });
    return res.rows;
  });
}

export async function listBookingsForUser(userId: string, range: TimeRange): Promise<Booking[]> {
  const where = rangeClause(range, 2);
  return await withClient(async (c) => {
    const res = await c.queryObject<Booking>({
      text: `SELECT id, room_id AS "roomId", user_id AS "userId", title, starts_at AS "startsAt",
                    ends_at AS "endsAt", deposit_id AS "depositId", cancelled_at AS "cancelledAt"
               FROM bookings WHERE user_id = $1 AND cancelled_at IS NULL AND ${where.sql}
              ORDER BY starts_at`,
      args: [userId, ...where.args],
    });
    return res.rows;
  });
}

export async function getBooking(id: string): Promise<Booking | undefined> {
  return await withClient(async (c) => {
    const res = await c.queryObject<Booking>`
      SELECT id, room_id AS "roomId", user_id AS "userId", title, starts_at AS "startsAt",
             ends_at AS "endsAt", deposit_id AS "depositId", cancelled_at AS "cancelledAt"
        FROM bookings WHERE id = ${id}`;
    return res.rows[0];
  });
}

export async function createBooking(
  userId: string,
  roomId: string,
  title: string,
  range: TimeRange,
): Promise<Booking> {
  return await withClient(async (c) => {
    const tx = c.createTransaction(`book_${crypto.randomUUID().slice(0, 8)}`, { isolation_level: "serializable" });
    await tx.begin();
    try {
      const clash = await tx.queryObject<{ n: number }>`
        SELECT count(*)::int AS n FROM bookings
         WHERE room_id = ${roomId} AND cancelled_at IS NULL
           AND starts_at < ${range.to} AND ends_at > ${range.from}`;
      if (clash.rows[0].n > 0) {
        throw new BookingConflict(`room ${roomId} is already booked in that slot`);
      }
      const res = await tx.queryObject<Booking>`
        INSERT INTO bookings (id, room_id, user_id, title, starts_at, ends_at)
        VALUES (${crypto.randomUUID()}, ${roomId}, ${userId}, ${title}, ${range.from}, ${range.to})
        RETURNING id, room_id AS "roomId", user_id AS "userId", title, starts_at AS "startsAt",
                  ends_at AS "endsAt", deposit_id AS "depositId", cancelled_at AS "cancelledAt"`;
      await tx.commit();
      return res.rows[0];
    } catch (err) {
      await tx.rollback();
      throw err;
    }
  });
}

export async function cancelBooking(booking: Booking, actorId: string): Promise<void> {
  await withClient(async (c) => {
    await c.queryArray`UPDATE bookings SET cancelled_at = now(), cancelled_by = ${actorId} WHERE id = ${booking.id}`;
  });
  if (booking.depositId) {
    try {
      await releaseDeposit(booking.depositId);
    } catch {
      // deposit can still be released from the payments dashboard
    }
  }
  log.info("booking cancelled", { booking: booking.id, actor: actorId });
}

export async function updateRoom(id: string, patch: Partial<Omit<Room, "id">>): Promise<Room | undefined> {
  return await withClient(async (c) => {
    const res = await c.queryObject<Room>`
      UPDATE rooms SET
        name = coalesce(${patch.name ?? null}, name),
        building = coalesce(${patch.building ?? null}, building),
        capacity = coalesce(${patch.capacity ?? null}, capacity),
        has_video = coalesce(${patch.hasVideo ?? null}, has_video)
      WHERE id = ${id}
      RETURNING id, name, building, capacity, has_video AS "hasVideo"`;
    return res.rows[0];
  });
}
