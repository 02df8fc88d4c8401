import { createAsync, useSubmission, type RouteDefinition } from "@solidjs/router";
import { For, Show } from "solid-js";
import {
  exportCertificates,
  getAdminOverview,
  grantCourseAccess,
  refundEnrollment,
  unpublishCourse,
} from "~/lib/admin";

export const route = {
  preload: () => getAdminOverview(),
} satisfies RouteDefinition;

export default function AdminHome() {
  const overview = createAsync(() => getAdminOverview());
  const refund = useSubmission(refundEnrollment);
  const grant = useSubmission(grantCourseAccess);

  return (
    <main class="admin">
      <h1>Administration</h1>
      <Show when={overview()}>
        {(o) => (
          <>
            <p>{o().students} students</p>
            <h2>Drafts</h2>
            <ul>
              <For each={o().drafts}>{(course) => <li>{course.title}</li>}</For>
            </ul>
            <h2>Recent activity</h2>
            <ul class="audit">
              <For each={o().audit}>
                {(entry) => (
                  <li>
                    {entry.action} {entry.subject}
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Show>

      <section>
        <h2>Unpublish a course</h2>
        <form action={unpublishCourse} method="post">
          <input name="courseId" type="number" required />
          <button type="submit">Unpublish</button>
        </form>
      </section>

      <section>
        <h2>Refund</h2>
        <form action={refundEnrollment} method="post">
          <input name="enrollmentId" type="number" required />
          <input name="amount" type="number" step="0.01" min="0.01" required />
          <input name="reason" placeholder="reason" />
          <button type="submit" disabled={refund.pending}>
            Refund
          </button>
        </form>
      </section>

      <section>
        <h2>Grant access</h2>
        <form action={grantCourseAccess} method="post">
          <input name="email" type="email" required />
          <input name="courseId" type="number" required />
          <button type="submit" disabled={grant.pending}>
            Grant
          </button>
        </form>
      </section>

      <form action={exportCertificates} method="post">
        <button type="submit">Export all certificates</button>
      </form>
    </main>
  );
}
