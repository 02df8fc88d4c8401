from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles import views as article_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("cms/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", article_views.healthz),
    path("newsdesk/wire-feed.json", article_views.wire_desk_feed, name="newsroom_wire_feed"),
    path("preview/<int:page_id>/", article_views.shared_preview, name="newsroom_shared_preview"),
    path("syndication/<slug:partner>/feed.json", article_views.syndication_feed, name="newsroom_syndication"),
    path("oembed", article_views.oembed, name="newsroom_oembed"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
