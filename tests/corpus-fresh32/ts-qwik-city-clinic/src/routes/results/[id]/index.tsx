import { component$ } from '@builder.io/qwik';
import { routeLoader$ } from '@builder.io/qwik-city';
import { eq } from 'drizzle-orm';
import { db } from '~/lib/db/client';
import { labResults } from '~/lib/db/schema';
import { isStaff, type SessionUser } from '~/lib/session';

export const useResult = routeLoader$(async ({ params, sharedMap, error }) => {
	const user = sharedMap.get('user') as SessionUser;
	const [result] = await db.select().from(labResults).where(eq(labResults.id, params.id)).limit(1);
	if (!result || (!isStaff(user) && result.patientId !== user.patientId)) {
		throw error(404, 'Result not found');
	}
	return {
		id: result.id,
		panel: result.panel,
		status: result.status,
		reportedAt: result.reportedAt.toISOString(),
		observations: JSON.parse(result.resultJson) as Array<{ label: string; value: string; unit?: string; flag?: string }>,
		hasPdf: !!result.pdfKey,
	};
});

export default component$(() => {
	const result = useResult();
	return (
		<article>
			<h1>{result.value.panel}</h1>
			<p>
				Status: {result.value.status}, reported {new Date(result.value.reportedAt).toLocaleDateString()}
			</p>
			<table>
				<tbody>
					{result.value.observations.map((o) => (
						<tr key={o.label} class={o.flag ? 'flagged' : undefined}>
							<th>{o.label}</th>
							<td>
								{o.value} {o.unit}
							</td>
							<td>{o.flag}</td>
						</tr>
					))}
				</tbody>
			</table>
			{result.value.hasPdf && <a href={`/api/results/${result.value.id}/pdf/`}>Download the full report (PDF)</a>}
		</article>
	);
});
