// See https://kit.svelte.dev/docs/types#app
import type { SessionUser } from '$lib/server/session';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			requestId: string;
		}
		interface Error {
			message: string;
			code?: string;
		}
	}
}

export {};
