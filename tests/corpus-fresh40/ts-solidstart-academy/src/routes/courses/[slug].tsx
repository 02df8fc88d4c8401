import { createAsync, useParams, useSubmission, type RouteDefinition } from "@solidjs/router";
import { Show } from "solid-js";
import { completeCourse, enroll, getCourse } from "~/lib/courses";

export const route = {
  preload: ({ params }) => getCourse(params.slug),
} satisfies RouteDefinition;

export default function CoursePage() {
  const params = useParams();
  const course = createAsync(() => getCourse(params.slug));
  const enrolling = useSubmission(enroll);
  const completing = useSubmission(completeCourse);

  return (
    <Show when={course()}>
      {(c) => (
        <article>
          <h1>{c().title}</h1>
          <p>{c().summary}</p>
          <form action={enroll} method="post">
            <input type="hidden" name="courseId" value={c().id} />
            <button type="submit" disabled={enrolling.pending}>
              {c().priceCents === 0 ? "Enroll for free" : "Buy course"}
            </button>
          </form>
          <Show when={enrolling.result instanceof Error}>
            <p class="error">{(enrolling.result as Error).message}</p>
          </Show>
          <form action={completeCourse} method="post">
            <input type="hidden" name="courseId" value={c().id} />
            <button type="submit" disabled={completing.pending}>
              Mark as complete
            </button>
          </form>
        </article>
      )}
    </Show>
  );
}
