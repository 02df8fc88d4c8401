from datetime import timedelta
from io import StringIO
from unittest import mock

from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage
from articles.wire import StoryMapper, WireStory


def make_story(**overrides):
    data = dict(
        wire_id="PL-1001",
        desk="politics",
        headline="Minister resigns",
        standfirst="Shock departure",
        body_html="<p>Body</p>",
        byline="Pressline",
        embargo_until=None,
        photo_ids=[],
    )
    data.update(overrides)
    return WireStory(**data)


@override_settings(SYNDICATION_PARTNER_KEYS={"regional-tv": "partner-test-key"})
class ViewTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        cls.section = SectionPage(title="Politics", slug="politics", desk="politics")
        root.add_child(instance=cls.section)
        cls.article = ArticlePage(
            title="Syndicated piece",
            slug="syndicated",
            body="<p>x</p>",
            syndicate=True,
            embargo_until=timezone.now() + timedelta(days=1),
        )
        cls.section.add_child(instance=cls.article)
        cls.importer = User.objects.create_user("desk", password="pw", is_staff=True)
        cls.importer.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="import_wire"),
        )

    def test_syndication_rejects_wrong_key(self):
        url = reverse("newsroom_syndication", args=["regional-tv"])
        response = self.client.get(url, HTTP_X_PARTNER_KEY="nope")
        self.assertEqual(response.status_code, 403)

    def test_syndication_skips_embargoed_articles(self):
        url = reverse("newsroom_syndication", args=["regional-tv"])
        response = self.client.get(url, HTTP_X_PARTNER_KEY="partner-test-key")
        self.assertEqual(response.json()["items"], [])

    @mock.patch("articles.views.WireClient")
    def test_import_creates_a_draft(self, client_cls):
        client_cls.return_value.fetch_story.return_value = make_story()
        self.client.force_login(self.importer)
        self.client.post(reverse("newsroom_wire_import", args=["PL-1001"]))

    def test_base_mapper_must_be_subclassed(self):
        with self.assertRaises(NotImplementedError):
            StoryMapper().map({})

    def test_preview_link_with_bad_signature_is_refused(self):
        expires = int((timezone.now() + timedelta(hours=1)).timestamp())
        url = reverse("newsroom_shared_preview", args=[self.article.id])
        response = self.client.get(url, {"expires": expires, "sig": "0" * 64})
        self.assertEqual(response.status_code, 403)


class ReleaseEmbargoesCommandTests(TestCase):
    @mock.patch("articles.management.commands.release_embargoes.ArticlePage.objects")
    def test_publishes_due_revisions(self, objects):
        revision = mock.Mock()
        article = mock.Mock(pk=7, title="Due", get_latest_revision=mock.Mock(return_value=revision))
        objects.filter.return_value = [article]
        call_command("release_embargoes", stdout=StringIO())
        revision.publish.assert_called_once_with(user=None, log_action="wagtail.publish.scheduled")
