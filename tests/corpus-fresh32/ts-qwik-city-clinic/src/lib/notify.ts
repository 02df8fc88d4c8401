export interface NotificationMeta {
	appointmentId?: string;
	patientId?: string;
	category: 'appointment' | 'result' | 'account';
}

export abstract class Notifier {
	abstract send(to: string, subject: string, body: string, meta: NotificationMeta): Promise<void>;
}

export class SmtpNotifier extends Notifier {
	constructor(
		private readonly transport: { sendMail(msg: Record<string, unknown>): Promise<unknown> },
		private readonly from: string,
	) {
		super();
	}

	async send(to: string, subject: string, body: string, meta: NotificationMeta): Promise<void> {
		await this.transport.sendMail({
			from: this.from,
			to,
			subject,
			text: body,
			headers: { 'X-NFC-Category': meta.category, 'X-NFC-Ref': meta.appointmentId ?? meta.patientId ?? '' },
		});
	}
}

/** Used in development and tests; `meta` only matters for the SMTP headers, so it is not printed. */
export class ConsoleNotifier extends Notifier {
	async send(to: string, subject: string, body: string, _meta: NotificationMeta): Promise<void> {
		console.info(`[notify] to=${to} subject=${subject}\n${body}`);
	}
}

let notifier: Notifier | undefined;
export function getNotifier(): Notifier {
	notifier ??= new ConsoleNotifier();
	return notifier;
}
export function setNotifier(n: Notifier): void {
	notifier = n;
}
