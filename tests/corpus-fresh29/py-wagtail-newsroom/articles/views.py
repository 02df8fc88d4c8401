import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import Http404, HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST
from wagtail.images import get_image_model
from wagtail.permission_policies.pages import PagePermissionPolicy

from .models import ArticlePage, SectionPage, WireImport
from .wire import WireClient

logger = logging.getLogger(__name__)
page_policy = PagePermissionPolicy()


def healthz(request):
    # Probed by the load balancer; returns no content.
    return HttpResponse(status=204)


# Registered through register_admin_urls, so Wagtail wraps it in
# require_admin_access; the wire desk is visible to every newsroom editor.
def wire_desk(request):
    since = timezone.now() - timedelta(hours=6)
    imported = set(WireImport.objects.filter(created_at__gte=since).values_list("wire_id", flat=True))
    client = WireClient()
    try:
        stories = client.fetch_stories(since, desk=request.GET.get("desk", "all"))
    finally:
        client.close()
    return TemplateResponse(request, "articles/wire_desk.html", {"stories": stories, "imported": imported})


def wire_desk_feed(request):
    since = timezone.now() - timedelta(hours=int(request.GET.get("hours", 6)))
    client = WireClient()
    try:
        stories = client.fetch_stories(since, desk=request.GET.get("desk", "all"))
    finally:
        client.close()
    return JsonResponse(
        {
            "stories": [
                {"id": s.wire_id, "desk": s.desk, "headline": s.headline, "embargo_until": s.embargo_until}
                for s in stories
            ]
        }
    )


@require_POST
@permission_required("articles.import_wire", raise_exception=True)
def import_wire_story(request, wire_id):
    client = WireClient()
    try:
        story = client.fetch_story(wire_id)
        section = SectionPage.objects.filter(desk=story.desk).first()
        if section is None:
            messages.error(request, f"No section is fed by the {story.desk} desk.")
            return redirect("newsroom_wire_desk")
        if not page_policy.user_has_permission_for_instance(request.user, "add", section):
            return HttpResponseForbidden()

        with transaction.atomic():
            article = ArticlePage(
                title=story.headline,
                standfirst=story.standfirst[:300],
                body=story.body_html,
                embargo_until=story.embargo_until,
                wire_id=story.wire_id,
                live=False,
            )
            section.add_child(instance=article)
            article.save_revision(user=request.user)
            for photo_id in story.photo_ids:
                get_image_model().objects.create(
                    title=f"{story.headline} ({photo_id})",
                    file=ContentFile(client.fetch_photo(photo_id), name=f"{photo_id}.jpg"),
                )
            WireImport.objects.create(
                wire_id=story.wire_id,
                desk=story.desk,
                headline=story.headline,
                payload={"byline": story.byline},
                imported_by=request.user,
                page=article,
            )
    finally:
        client.close()
    messages.success(request, f"Imported '{story.headline}' as a draft.")
    return redirect("wagtailadmin_pages:edit", article.id)


@require_POST
@login_required
def lift_embargo(request, page_id):
    article = get_object_or_404(ArticlePage, id=page_id)
    article.embargo_until = None
    article.save(update_fields=["embargo_until"])
    logger.info("embargo lifted on page %s by %s", page_id, request.user.pk)
    messages.success(request, f"Embargo lifted on '{article.title}'.")
    return redirect("wagtailadmin_pages:edit", page_id)


def _preview_signature(page_id: int, expires: int) -> str:
    msg = f"{page_id}:{expires}".encode()
    return hmac.new(settings.PREVIEW_SIGNING_KEY.encode(), msg, hashlib.sha256).hexdigest()


@require_GET
def shared_preview(request, page_id):
    """Signed, expiring preview links for embargoed stories sent to partners."""
    try:
        expires = int(request.GET["expires"])
        signature = request.GET["sig"]
    except (KeyError, ValueError):
        raise Http404
    if expires < int(timezone.now().timestamp()):
        return HttpResponseForbidden("link expired")
    if not hmac.compare_digest(signature, _preview_signature(page_id, expires)):
        return HttpResponseForbidden()
    article = get_object_or_404(ArticlePage, id=page_id).get_latest_revision_as_object()
    return article.make_preview_request(request)


@require_GET
def syndication_feed(request, partner):
    key = request.headers.get("X-Partner-Key", "")
    expected = settings.SYNDICATION_PARTNER_KEYS.get(partner)
    if expected is None or key != expected:
        return HttpResponseForbidden()
    now = timezone.now()
    articles = (
        ArticlePage.objects.live()
        .filter(syndicate=True)
        .exclude(embargo_until__gt=now)
        .order_by("-first_published_at")[:50]
    )
    return JsonResponse(
        {
            "partner": partner,
            "items": [
                {"id": a.id, "title": a.title, "standfirst": a.standfirst, "url": a.full_url} for a in articles
            ],
        }
    )


@require_GET
def oembed(request):
    return HttpResponse(status=501)
