// Panel-3 fixes (unwired-auth, Python tests): each shape with a case the floor must not report and a decoy
// it must (fresh snippets, not panel code).
import { describe, expect, test } from "bun:test";
import { foundIn, lines } from "./support/snippet-scan";

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
