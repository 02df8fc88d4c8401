import { component$, Slot } from '@builder.io/qwik';
import { Link, routeLoader$, type RequestHandler } from '@builder.io/qwik-city';
import { isStaff, type SessionUser } from '~/lib/session';

// Every page under (admin) is staff-only; the pages themselves rely on this guard.
export const onRequest: RequestHandler = async ({ sharedMap, error, cacheControl }) => {
	const user = sharedMap.get('user') as SessionUser | undefined;
	if (!isStaff(user)) {
		throw error(403, 'Staff only');
	}
	cacheControl({ private: true, noStore: true });
};

export const useStaffUser = routeLoader$(({ sharedMap }) => {
	const user = sharedMap.get('user') as SessionUser;
	return { name: user.displayName, role: user.role };
});

export default component$(() => {
	const staff = useStaffUser();
	return (
		<div class="admin-shell">
			<nav class="admin-nav">
				<Link href="/patients/">Patients</Link>
				<Link href="/reports/">Reports</Link>
				<span class="who">
					{staff.value.name} ({staff.value.role})
				</span>
			</nav>
			<main>
				<Slot />
			</main>
		</div>
	);
});
