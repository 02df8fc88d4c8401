// The view base classes the floor knows by name: the frameworks' own views, viewsets, generic views and
// mixins, none of which checks who is asking. A view whose bases are all of these carries no check unless
// it writes one; any other base (a project's `BaseObjectView`, `ObjectPermissionRequiredMixin`) may.
import type { SourceFile } from "../scan-file";

/** Django's `View`, generic views and their mixins (django.views.generic). */
const DJANGO = /^(View|TemplateView|RedirectView|FormView|CreateView|UpdateView|DeleteView|DetailView|ListView|ArchiveIndexView|(Year|Month|Week|Day|Today|Date)ArchiveView|Base(Create|Update|Delete|Detail|List|Form|DateList|ArchiveIndex|(Year|Month|Week|Day|Today|Date)Archive|DateDetail)View|ProcessFormView|ContextMixin|TemplateResponseMixin|FormMixin|ModelFormMixin|SingleObjectMixin|SingleObjectTemplateResponseMixin|MultipleObjectMixin|MultipleObjectTemplateResponseMixin|DeletionMixin|RedirectView)$/;
/** Django REST framework: `APIView`, the generic API views, viewsets and model mixins. */
export const DRF = /^(APIView|GenericAPIView|(Create|List|Retrieve|Destroy|Update|ListCreate|RetrieveUpdate|RetrieveDestroy|RetrieveUpdateDestroy)APIView|ViewSet|GenericViewSet|ModelViewSet|ReadOnlyModelViewSet|ViewSetMixin|(Create|List|Retrieve|Update|Destroy)ModelMixin)$/;
/** Flask's `MethodView`, Tornado's handlers, and the bases every class may name. */
const OTHER = /^(MethodView|RequestHandler|WebSocketHandler|object|Generic(\[.*\])?)$/;

/** Is this base (its last dotted segment) one of the frameworks' own classes, known to carry no check? */
export const knownFrameworkBase = (base: string) => DJANGO.test(base) || DRF.test(base) || OTHER.test(base);

/**
 * Does any walked Python file set DRF's `DEFAULT_PERMISSION_CLASSES` to something other than nothing or
 * `AllowAny`? Then a DRF view without `permission_classes` is checked by that default.
 */
export function drfDefaultPermission(files: readonly SourceFile[]): boolean {
  return files.some((f) => {
    if (!/\.py$/.test(f.path)) return false;
    const m = /['"]DEFAULT_PERMISSION_CLASSES['"]\s*:\s*([[(][^\])]*[\])])/.exec(f.content);
    return !!m && /\w/.test(m[1]!.replace(/#[^\n]*/g, "")) && !/^[[(]\s*['"][\w.]*AllowAny['"]\s*,?\s*[\])]$/.test(m[1]!.trim());
  });
}
