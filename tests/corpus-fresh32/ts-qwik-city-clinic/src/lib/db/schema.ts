import { boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const roleEnum = pgEnum('role', ['patient', 'nurse', 'physician', 'admin']);

export const users = pgTable('users', {
	id: uuid('id').primaryKey().defaultRandom(),
	email: text('email').notNull().unique(),
	passwordHash: text('password_hash').notNull(),
	role: roleEnum('role').notNull().default('patient'),
	patientId: uuid('patient_id'),
	displayName: text('display_name').notNull(),
	disabled: boolean('disabled').notNull().default(false),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
	'sessions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
		tokenHash: text('token_hash').notNull(),
		csrfToken: text('csrf_token').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	},
	(t) => ({ tokenIdx: index('sessions_token_hash_idx').on(t.tokenHash) }),
);

export const passwordResets = pgTable('password_resets', {
	userId: uuid('user_id').primaryKey().references(() => users.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull(),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
});

export const patients = pgTable('patients', {
	id: uuid('id').primaryKey().defaultRandom(),
	mrn: text('mrn').notNull().unique(),
	fullName: text('full_name').notNull(),
	dateOfBirth: text('date_of_birth').notNull(),
	labLinkRef: text('lablink_ref'),
	email: text('email'),
});

export const appointments = pgTable('appointments', {
	id: uuid('id').primaryKey().defaultRandom(),
	patientId: uuid('patient_id').notNull().references(() => patients.id),
	clinicianId: uuid('clinician_id').notNull().references(() => users.id),
	startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
	durationMinutes: integer('duration_minutes').notNull().default(20),
	reason: text('reason'),
	status: text('status').notNull().default('booked'),
});

export const labResults = pgTable('lab_results', {
	id: uuid('id').primaryKey().defaultRandom(),
	patientId: uuid('patient_id').notNull().references(() => patients.id),
	accession: text('accession').notNull().unique(),
	panel: text('panel').notNull(),
	status: text('status').notNull(),
	resultJson: text('result_json').notNull(),
	pdfKey: text('pdf_key'),
	reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
});
