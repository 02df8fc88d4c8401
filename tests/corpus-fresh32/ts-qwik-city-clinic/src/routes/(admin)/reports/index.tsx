import { component$ } from '@builder.io/qwik';
import { Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { db } from '~/lib/db/client';
import { appointments, labResults } from '~/lib/db/schema';

function monthRange(month: string): [Date, Date] {
	const [y, m] = month.split('-').map(Number);
	return [new Date(Date.UTC(y!, m! - 1, 1)), new Date(Date.UTC(y!, m!, 1))];
}

export const useMonthlyStats = routeLoader$(async ({ query }) => {
	const month = query.get('month') ?? new Date().toISOString().slice(0, 7);
	const [from, to] = monthRange(month);
	const [visits] = await db
		.select({ n: count() })
		.from(appointments)
		.where(and(gte(appointments.startsAt, from), lt(appointments.startsAt, to), eq(appointments.status, 'completed')));
	const [results] = await db
		.select({ n: count() })
		.from(labResults)
		.where(and(gte(labResults.reportedAt, from), lt(labResults.reportedAt, to)));
	return { month, visits: visits?.n ?? 0, results: results?.n ?? 0 };
});

export const useExportCsv = routeAction$(
	async ({ month }, { headers, send }) => {
		const [from, to] = monthRange(month);
		const rows = await db
			.select()
			.from(appointments)
			.where(and(gte(appointments.startsAt, from), lt(appointments.startsAt, to)));
		const csv = ['id,patient,clinician,starts_at,status']
			.concat(rows.map((r) => `${r.id},${r.patientId},${r.clinicianId},${r.startsAt.toISOString()},${r.status}`))
			.join('\n');
		headers.set('Content-Disposition', `attachment; filename="appointments-${month}.csv"`);
		send(new Response(csv, { headers: { 'Content-Type': 'text/csv' } }));
	},
	zod$({ month: z.string().regex(/^\d{4}-\d{2}$/) }),
);

export const useExportHl7 = routeAction$(
	async ({ month }, { fail }) => {
		return fail(501, { message: `HL7 export for ${month} is not available yet` });
	},
	zod$({ month: z.string().regex(/^\d{4}-\d{2}$/) }),
);

export default component$(() => {
	const stats = useMonthlyStats();
	const csv = useExportCsv();
	const hl7 = useExportHl7();
	return (
		<section>
			<h1>Reports for {stats.value.month}</h1>
			<dl>
				<dt>Completed visits</dt>
				<dd>{stats.value.visits}</dd>
				<dt>Lab results received</dt>
				<dd>{stats.value.results}</dd>
			</dl>
			<Form action={csv}>
				<input type="hidden" name="month" value={stats.value.month} />
				<button type="submit">Download CSV</button>
			</Form>
			<Form action={hl7}>
				<input type="hidden" name="month" value={stats.value.month} />
				<button type="submit">Send HL7 batch to registry</button>
			</Form>
			{hl7.value?.failed && <p class="error">{hl7.value.message}</p>}
		</section>
	);
});
