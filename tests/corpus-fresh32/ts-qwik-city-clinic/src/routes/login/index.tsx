import { component$ } from '@builder.io/qwik';
import { Form, routeAction$, z, zod$ } from '@builder.io/qwik-city';
import { config } from '~/lib/config';
import { db } from '~/lib/db/client';
import { checkPassword, createSession, SESSION_COOKIE } from '~/lib/session';

export const useLogin = routeAction$(
	async ({ email, password }, { cookie, redirect, fail, url }) => {
		const userId = await checkPassword(db, email, password);
		if (!userId) {
			return fail(401, { message: 'Email or password is incorrect' });
		}
		const token = await createSession(db, userId, config().sessionTtlDays);
		cookie.set(SESSION_COOKIE, token, {
			httpOnly: true,
			secure: true,
			sameSite: 'lax',
			path: '/',
			maxAge: [config().sessionTtlDays, 'days'],
		});
		const next = url.searchParams.get('next');
		throw redirect(302, next && next.startsWith('/') && !next.startsWith('//') ? next : '/appointments/');
	},
	zod$({ email: z.string().email(), password: z.string().min(1) }),
);

export default component$(() => {
	const login = useLogin();
	return (
		<section class="login">
			<h1>Sign in</h1>
			<Form action={login}>
				<label>
					Email <input name="email" type="email" autoComplete="username" required />
				</label>
				<label>
					Password <input name="password" type="password" autoComplete="current-password" required />
				</label>
				<button type="submit">Sign in</button>
			</Form>
			{login.value?.failed && <p class="error">{login.value.message}</p>}
		</section>
	);
});
