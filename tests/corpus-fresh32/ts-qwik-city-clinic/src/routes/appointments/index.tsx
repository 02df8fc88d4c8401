import { component$ } from '@builder.io/qwik';
import { Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { db } from '~/lib/db/client';
import { appointments, patients, users } from '~/lib/db/schema';
import { getNotifier } from '~/lib/notify';
import type { SessionUser } from '~/lib/session';

const SLOT_MINUTES = 20;

export const useMyAppointments = routeLoader$(async ({ sharedMap }) => {
	const user = sharedMap.get('user') as SessionUser;
	if (!user.patientId) return [];
	return db
		.select({
			id: appointments.id,
			startsAt: appointments.startsAt,
			status: appointments.status,
			clinician: users.displayName,
		})
		.from(appointments)
		.innerJoin(users, eq(users.id, appointments.clinicianId))
		.where(and(eq(appointments.patientId, user.patientId), gte(appointments.startsAt, new Date())))
		.orderBy(asc(appointments.startsAt));
});

export const useBookAppointment = routeAction$(
	async ({ clinicianId, startsAt, reason }, { sharedMap, fail }) => {
		const user = sharedMap.get('user') as SessionUser;
		if (!user.patientId) {
			return fail(403, { message: 'Only patients can book appointments online' });
		}
		const start = new Date(startsAt);
		const end = new Date(start.getTime() + SLOT_MINUTES * 60_000);
		const clash = await db
			.select({ id: appointments.id })
			.from(appointments)
			.where(
				and(
					eq(appointments.clinicianId, clinicianId),
					gte(appointments.startsAt, start),
					lt(appointments.startsAt, end),
					eq(appointments.status, 'booked'),
				),
			)
			.limit(1);
		if (clash.length > 0) {
			return fail(409, { message: 'That slot was just taken, please pick another' });
		}

		const [created] = await db
			.insert(appointments)
			.values({ patientId: user.patientId, clinicianId, startsAt: start, durationMinutes: SLOT_MINUTES, reason })
			.returning({ id: appointments.id });

		const [patient] = await db.select({ email: patients.email }).from(patients).where(eq(patients.id, user.patientId));
		await getNotifier()
			.send(
				patient?.email ?? user.email,
				'Your appointment at Northside Family Clinic',
				`You are booked for ${start.toLocaleString('en-GB', { timeZone: 'Europe/London' })}.`,
				{ category: 'appointment', appointmentId: created!.id, patientId: user.patientId },
			)
			.catch(() => null);

		return { id: created!.id };
	},
	zod$({
		clinicianId: z.string().uuid(),
		startsAt: z.string().datetime({ offset: true }),
		reason: z.string().max(500).optional(),
	}),
);

export default component$(() => {
	const mine = useMyAppointments();
	const book = useBookAppointment();
	return (
		<section>
			<h1>Your appointments</h1>
			<ul>
				{mine.value.map((a) => (
					<li key={a.id}>
						{a.startsAt.toLocaleString()} with {a.clinician} ({a.status})
					</li>
				))}
			</ul>
			<h2>Book a new appointment</h2>
			<Form action={book}>
				<input name="clinicianId" required />
				<input name="startsAt" type="datetime-local" required />
				<textarea name="reason" maxLength={500} />
				<button type="submit">Book</button>
			</Form>
			{book.value?.failed && <p class="error">{book.value.message}</p>}
			{book.value?.id && <p class="ok">Booked. A confirmation is on its way.</p>}
		</section>
	);
});
