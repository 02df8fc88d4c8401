import { createHmac } from 'node:crypto';
import type { RequestHandler } from '@builder.io/qwik-city';
import { eq } from 'drizzle-orm';
import { config } from '~/lib/config';
import { db } from '~/lib/db/client';
import { labResults, patients } from '~/lib/db/schema';
import type { LabResultSummary } from '~/lib/labs/client';

interface ResultDelivery {
	event: 'result.reported' | 'result.amended';
	patient_ref: string;
	result: LabResultSummary & { document_id?: string };
}

export const onPost: RequestHandler = async ({ request, json }) => {
	const raw = await request.text();
	const signature = request.headers.get('x-lablink-signature') ?? '';
	const expected = createHmac('sha256', config().labLinkWebhookSecret).update(raw).digest('hex');
	if (signature !== expected) {
		json(401, { error: 'bad signature' });
		return;
	}

	const delivery = JSON.parse(raw) as ResultDelivery;
	try {
		const [patient] = await db
			.select({ id: patients.id })
			.from(patients)
			.where(eq(patients.labLinkRef, delivery.patient_ref))
			.limit(1);
		if (!patient) {
			json(202, { stored: false, reason: 'unknown patient' });
			return;
		}
		await db
			.insert(labResults)
			.values({
				patientId: patient.id,
				accession: delivery.result.accession,
				panel: delivery.result.panel,
				status: delivery.result.status,
				resultJson: JSON.stringify(delivery.result.observations),
				pdfKey: delivery.result.document_id ?? null,
				reportedAt: new Date(delivery.result.reportedAt),
			})
			.onConflictDoUpdate({
				target: labResults.accession,
				set: {
					status: delivery.result.status,
					resultJson: JSON.stringify(delivery.result.observations),
					pdfKey: delivery.result.document_id ?? null,
				},
			});
		json(200, { stored: true });
	} catch (err) {
		console.error('lab webhook: failed to store result', delivery.result.accession, err);
		json(500, { error: 'temporarily unable to store result' });
	}
};
