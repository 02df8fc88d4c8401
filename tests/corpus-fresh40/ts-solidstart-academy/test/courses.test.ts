import { describe, expect, it, vi } from "vitest";
import { enrollFn, listPublishedCourses } from "~/lib/courses";
import { db, mailOutbox } from "~/lib/db";
import { sendMail } from "~/lib/mail";
import { loginFn } from "~/lib/session";
import { expectRedirect, form, seedCourse, seedUser, signIn } from "./helpers";

vi.mock("~/lib/billing", () => ({
  createCheckout: async () => {
    throw new Error("createCheckout must not be called for free courses");
  },
  refundCharge: vi.fn(),
}));

vi.mock("~/lib/mail", () => ({
  sendMail: vi.fn(async () => "msg_1"),
}));

describe("courses", () => {
  it("lists only published courses in a category", async () => {
    seedCourse({ category: "design" });
    seedCourse({ category: "design", published: false });
    seedCourse({ category: "dev" });

    const rows = await listPublishedCourses("design");

    expect(rows).toHaveLength(1);
    expect(rows[0]?.category).toBe("design");
  });

  it("enrolls in a free course and sends a welcome mail", async () => {
    const user = seedUser();
    signIn(user);
    const course = seedCourse();

    await expectRedirect(enrollFn(form({ courseId: course.id })), `/courses/${course.slug}`);

    expect(sendMail).toHaveBeenCalledWith(expect.objectContaining({ to: user.email }));
  });

  it("queues the welcome mail when the mail API is down", async () => {
    vi.mocked(sendMail).mockRejectedValueOnce(new Error("503"));
    signIn(seedUser());
    const course = seedCourse();

    await expectRedirect(enrollFn(form({ courseId: course.id })), `/courses/${course.slug}`);

    expect(db.select().from(mailOutbox).all()).toHaveLength(1);
  });

  it("rejects a wrong password", async () => {
    const user = seedUser();
    const result = await loginFn(form({ email: user.email, password: "wrong" }));
    expect(result).toBeInstanceOf(Error);
  });
});
