// Panel-3 fixes (unwired-auth, Python tests): each shape with a case the floor must not report and a decoy
// it must (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines, scanSnippets } from "./support/snippet-scan";

type File = { path: string; content: string };
const unwired = (...files: File[]) => foundIn(files, /unwired-auth/);
const assertionFree = (...files: File[]) => foundIn(files, /assertion-free-test/);

describe("TS: a guard argument on the line after the route name of a multi-line registration", () => {
  const routes = (listGuard: string) => lines(
    'import Router from "koa-router";',
    'import gate from "@app/middlewares/authentication";',
    'import { limiter } from "@app/middlewares/limiter";',
    "const router = new Router();",
    "router.post(",
    '  "notes.create",',
    "  limiter(10),",
    "  gate({",
    '    type: AuthenticationType.APP,',
    "  }),",
    "  async (ctx) => { ctx.body = await saveNote(ctx.request.body); }",
    ");",
    "router.post(",
    '  "notes.archive",',
    listGuard,
    "  async (ctx) => { ctx.body = await archiveNote(ctx.request.body); }",
    ");",
    "export default router;");
  test("`gate()` on the next line, imported from the authentication middleware: not reported", () => {
    expect(unwired({ path: "server/routes/notes.ts", content: routes("  gate(),") })).toEqual([]);
  });
  test("the sibling's guard is the module's default import, the route has only a limiter: reported", () => {
    expect(unwired({ path: "server/routes/notes.ts", content: routes("  limiter(5),") })).toEqual(["unwired-auth@server/routes/notes.ts:13"]);
  });
  test("a call known only by its argument words (`AuthenticationType`) does not make a sibling guarded", () => {
    const src = routes("  limiter(5),").replace('import gate from "@app/middlewares/authentication";', 'import gate from "@app/middlewares/shape";');
    expect(unwired({ path: "server/routes/notes.ts", content: src })).toEqual([]);
  });
});

describe("Python: a class-based view whose base is a project class or mixin defined elsewhere", () => {
  const views = (bases: string, imports = "from shipping.views.base import BaseJobView") => lines(
    "from django.contrib.auth.mixins import LoginRequiredMixin",
    "from django.shortcuts import redirect",
    "from django.views import View",
    imports,
    "",
    "class ParcelEditView(LoginRequiredMixin, View):",
    "    def post(self, request, pk):",
    "        save_parcel(request, pk)",
    "        return redirect('parcels')",
    "",
    `class ParcelResendView(${bases}):`,
    "    def post(self, request, pk):",
    "        resend_parcel(pk)",
    "        return redirect('parcels')");
  test("a project base (`BaseJobView`) may carry the check: not reported", () => {
    expect(unwired({ path: "shipping/views.py", content: views("BaseJobView") })).toEqual([]);
    expect(unwired({ path: "shipping/views.py", content: views("ReturnURLMixin, generic.ObjectEditView", "from shipping.views import generic") })).toEqual([]);
  });
  test("bases all Django's own (`View`, `FormMixin`): reported", () => {
    expect(unwired({ path: "shipping/views.py", content: views("FormMixin, View") })).toEqual(["unwired-auth@shipping/views.py:11"]);
  });
});

describe("Python: a DRF view without permission_classes under the settings' DEFAULT_PERMISSION_CLASSES", () => {
  const api = lines(
    "from rest_framework.generics import RetrieveUpdateDestroyAPIView",
    "from rest_framework.permissions import IsAdminUser",
    "from rest_framework.viewsets import ModelViewSet",
    "",
    "class DepotViewSet(ModelViewSet):",
    "    permission_classes = [IsAdminUser]",
    "    queryset = Depot.objects.all()",
    "",
    "class RouteView(RetrieveUpdateDestroyAPIView):",
    "    queryset = Route.objects.all()");
  const settings = (classes: string) => ({ path: "fleet/settings.py", content: lines("REST_FRAMEWORK = {", `    'DEFAULT_PERMISSION_CLASSES': ${classes},`, "}") });
  test("settings name a default permission: not reported", () => {
    expect(unwired({ path: "fleet/api/views.py", content: api }, settings("(\n        'fleet.api.permissions.TokenPermissions',\n    )"))).toEqual([]);
  });
  test("no settings, or a default of AllowAny: reported", () => {
    expect(unwired({ path: "fleet/api/views.py", content: api })).toEqual(["unwired-auth@fleet/api/views.py:9"]);
    expect(unwired({ path: "fleet/api/views.py", content: api }, settings("['rest_framework.permissions.AllowAny']"))).toEqual(["unwired-auth@fleet/api/views.py:9"]);
  });
});

describe("Python: a Django test whose last act is a validation call (it asserts by not raising)", () => {
  const tests = (...body: string[]) => lines(
    "from django.test import TestCase",
    "from shipping.models import Parcel",
    "",
    "class ParcelTestCase(TestCase):",
    "    def test_accepts_valid_weight(self):",
    "        parcel = Parcel(label='A1', weight=3)",
    ...body);
  const note = (content: string) => scanSnippets([{ path: "shipping/tests/test_models.py", content }], /assertion-free-test/).map((f) => `${f.severity}@${f.line}`);
  test("`full_clean()`/`clean()` last, in a loop, or `.save()` after validating: an info note, not a warning", () => {
    expect(note(tests("        parcel.full_clean()"))).toEqual(["info@5"]);
    expect(note(tests("        for w in (1, 2):", "            Parcel(label='A1', weight=w).clean()"))).toEqual(["info@5"]);
    expect(note(tests("        parcel.clean()", "        parcel.save()"))).toEqual(["info@5"]);
    expect(note(tests("        parcel.save()").replace("        parcel = ", '        """Check that a parcel with no depot can be saved."""\n        parcel = '))).toEqual(["info@5"]);
  });
  test("a save never validated, or validation followed by unchecked work: still reported", () => {
    expect(assertionFree({ path: "shipping/tests/test_models.py", content: tests("        parcel.save()") })).toEqual(["assertion-free-test@shipping/tests/test_models.py:5"]);
    expect(note(tests("        parcel.save()").replace("        parcel = ", '        """Check the parcel total after saving."""\n        parcel = '))).toEqual(["warning@5"]);
    expect(assertionFree({ path: "shipping/tests/test_models.py", content: tests("        parcel.clean()", "        parcel.ship_to('Oslo')") })).toEqual(["assertion-free-test@shipping/tests/test_models.py:5"]);
  });
});

describe("Python: an inherited test switched off by an override whose body is `return` or `pass`", () => {
  const cls = (bases: string, body: string) => lines(
    "from shipping.tests.base import ViewTestCases",
    "",
    `class BookmarkTestCase(${bases}):`,
    "    def test_list_objects_anonymous(self):",
    body);
  const found = (content: string) => scanSnippets([{ path: "shipping/tests/test_views.py", content }], /assertion-free-test/).map((f) => `${f.severity}@${f.line}`);
  test("in a class with bases: an info note only", () => {
    expect(found(cls("ViewTestCases.ListObjectsViewTestCase", "        return"))).toEqual(["info@4"]);
    expect(found(cls("ViewTestCases.ListObjectsViewTestCase", "        pass"))).toEqual(["info@4"]);
  });
  test("a test that does something and asserts nothing stays a warning", () => {
    expect(found(cls("ViewTestCases.ListObjectsViewTestCase", "        self.client.get('/bookmarks/')"))).toEqual(["warning@4"]);
  });
  test("`return` in a class with no base overrides nothing: still a warning", () => {
    expect(found(cls("", "        return").replace("class BookmarkTestCase():", "class TestBookmarks:"))).toEqual(["warning@4"]);
  });
});

describe("TS: an error factory named like a guard is no guard", () => {
  const errors = (body: string) => lines(
    'import httpErrors from "http-errors";',
    "export function OwnerRequiredError(message = \"Only the owner may do this\") {",
    body,
    "}");
  test("every return builds an error: not reported", () => {
    expect(unwired({ path: "server/errors.ts", content: errors('  return httpErrors(403, message, { id: "owner_required" });') })).toEqual([]);
    expect(unwired({ path: "server/errors.ts", content: lines("export class AdminRequiredError extends Error {", '  name = "AdminRequiredError";', "}") })).toEqual([]);
  });
  test("a function that decides and refuses is a guard: still reported when nothing calls it", () => {
    const guard = lines(
      "export function requireOwner(req, res, next) {",
      "  if (req.user?.id !== req.params.ownerId) return res.status(403).end();",
      "  return next();",
      "}");
    expect(unwired({ path: "server/owner.ts", content: guard })).toEqual(["unwired-auth@server/owner.ts:1"]);
  });
});

describe("TS: a class a directory loader mounts (default export extending a sibling base)", () => {
  const task = (base: string) => lines(
    base,
    "export default class CleanupSessionAuthorizationTask extends BaseTask {",
    "  public async perform() {",
    "    if (!this.user?.isAdmin) throw new Error(\"forbidden: 403\");",
    "    await purgeExpiredSessions();",
    "  }",
    "}");
  test("base imported from the same directory tree: not reported", () => {
    expect(unwired({ path: "server/tasks/CleanupSessionAuthorizationTask.ts", content: task('import BaseTask from "./base/BaseTask";') })).toEqual([]);
  });
  test("base from a package (mounted by name, like a passport strategy): still a candidate", () => {
    expect(unwired({ path: "server/tasks/CleanupSessionAuthorizationTask.ts", content: task('import { BaseTask } from "task-kit";') })).toEqual(["unwired-auth@server/tasks/CleanupSessionAuthorizationTask.ts:2"]);
  });
});
