import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { component$ } from '@builder.io/qwik';
import { Form, routeAction$, routeLoader$, z, zod$ } from '@builder.io/qwik-city';
import { asc, ilike, or } from 'drizzle-orm';
import { db } from '~/lib/db/client';
import { patients } from '~/lib/db/schema';
import type { SessionUser } from '~/lib/session';

const DOCS_DIR = '/tmp/clinic-patient-docs';

export const usePatients = routeLoader$(async ({ query }) => {
	const q = query.get('q')?.trim();
	const where = q ? or(ilike(patients.fullName, `%${q}%`), ilike(patients.mrn, `${q}%`)) : undefined;
	return db
		.select({ id: patients.id, mrn: patients.mrn, fullName: patients.fullName, dateOfBirth: patients.dateOfBirth })
		.from(patients)
		.where(where)
		.orderBy(asc(patients.fullName))
		.limit(50);
});

export const useUploadDocument = routeAction$(
	async ({ patientId, document }, { sharedMap, fail }) => {
		const user = sharedMap.get('user') as SessionUser;
		if (document.size > 15 * 1024 * 1024) {
			return fail(413, { message: 'Documents are limited to 15 MB' });
		}
		const dir = path.join(DOCS_DIR, patientId);
		await mkdir(dir, { recursive: true });
		const name = `${Date.now()}-${document.name.replace(/[^\w.-]/g, '_')}`;
		await writeFile(path.join(dir, name), new Uint8Array(await document.arrayBuffer()));
		console.info(`document ${name} uploaded for ${patientId} by ${user.email}`);
		return { stored: name };
	},
	zod$({ patientId: z.string().uuid(), document: z.instanceof(File) }),
);

export default component$(() => {
	const list = usePatients();
	const upload = useUploadDocument();
	return (
		<section>
			<h1>Patients</h1>
			<form method="get">
				<input name="q" placeholder="Name or MRN" />
				<button type="submit">Search</button>
			</form>
			<table>
				<thead>
					<tr>
						<th>MRN</th>
						<th>Name</th>
						<th>Date of birth</th>
						<th>Document</th>
					</tr>
				</thead>
				<tbody>
					{list.value.map((p) => (
						<tr key={p.id}>
							<td>{p.mrn}</td>
							<td>{p.fullName}</td>
							<td>{p.dateOfBirth}</td>
							<td>
								<Form action={upload} enctype="multipart/form-data">
									<input type="hidden" name="patientId" value={p.id} />
									<input type="file" name="document" />
									<button type="submit">Upload</button>
								</Form>
							</td>
						</tr>
					))}
				</tbody>
			</table>
			{upload.value?.failed && <p class="error">{upload.value.message}</p>}
		</section>
	);
});
