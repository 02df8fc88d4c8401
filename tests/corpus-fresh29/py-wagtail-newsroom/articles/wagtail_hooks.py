from django.contrib.auth.models import Permission
from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import views
from .models import ArticlePage, Author


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "is_staff_writer"]
    list_filter = ["is_staff_writer"]
    search_fields = ["name", "email"]
    copy_view_enabled = False


register_snippet(AuthorViewSet)


@hooks.register("register_admin_urls")
def register_newsroom_admin_urls():
    return [
        path("newsroom/wire/", views.wire_desk, name="newsroom_wire_desk"),
        path("newsroom/wire/<str:wire_id>/import/", views.import_wire_story, name="newsroom_wire_import"),
        path("newsroom/embargo/<int:page_id>/lift/", views.lift_embargo, name="newsroom_lift_embargo"),
    ]


@hooks.register("register_admin_menu_item")
def register_wire_menu_item():
    return MenuItem("Wire desk", reverse("newsroom_wire_desk"), icon_name="download", order=250)


@hooks.register("register_permissions")
def register_newsroom_permissions():
    return Permission.objects.filter(
        content_type__app_label="articles", codename__in=["release_embargo", "import_wire"]
    )


@hooks.register("before_serve_page")
def hide_embargoed_articles(page, request, serve_args, serve_kwargs):
    # serve_args/serve_kwargs are part of the hook signature and not needed here.
    specific = page.specific
    if isinstance(specific, ArticlePage) and specific.is_embargoed:
        if not page.permissions_for_user(request.user).can_edit():
            raise Http404
    return None
