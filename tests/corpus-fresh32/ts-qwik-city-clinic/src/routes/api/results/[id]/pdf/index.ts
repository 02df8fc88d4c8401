import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RequestHandler } from '@builder.io/qwik-city';
import { eq } from 'drizzle-orm';
import { config } from '~/lib/config';
import { db } from '~/lib/db/client';
import { labResults } from '~/lib/db/schema';
import { LabLinkClient } from '~/lib/labs/client';

const labs = new LabLinkClient(config());

export const onGet: RequestHandler = async ({ params, send, error, headers }) => {
	const [result] = await db
		.select({ accession: labResults.accession, pdfKey: labResults.pdfKey })
		.from(labResults)
		.where(eq(labResults.id, params.id))
		.limit(1);
	if (!result?.pdfKey) {
		throw error(404, 'No document for this result');
	}

	const cacheFile = path.join(config().pdfCacheDir, `${result.pdfKey}.pdf`);
	let pdf: Uint8Array;
	try {
		pdf = await readFile(cacheFile);
	} catch {
		pdf = await labs.fetchPdf(result.accession);
		await mkdir(path.dirname(cacheFile), { recursive: true });
		await writeFile(cacheFile, pdf);
	}

	headers.set('Cache-Control', 'private, no-store');
	headers.set('Content-Disposition', `inline; filename="${result.accession}.pdf"`);
	send(new Response(pdf, { status: 200, headers: { 'Content-Type': 'application/pdf' } }));
};
