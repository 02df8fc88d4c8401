from datetime import timedelta

from django.contrib.auth.models import User
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticlePage, SectionPage


class NewsroomPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        root = Page.get_first_root_node()
        Site.objects.update_or_create(hostname="localhost", defaults={"root_page": root, "is_default_site": True})
        cls.section = SectionPage(title="Politics", slug="politics", desk="politics")
        root.add_child(instance=cls.section)
        cls.article = ArticlePage(title="Council votes", slug="council-votes", body="<p>Text</p>")
        cls.section.add_child(instance=cls.article)
        cls.embargoed = ArticlePage(
            title="Budget leak",
            slug="budget-leak",
            body="<p>Embargoed</p>",
            embargo_until=timezone.now() + timedelta(hours=3),
        )
        cls.section.add_child(instance=cls.embargoed)

    def test_articles_live_under_sections_only(self):
        self.assertCanCreateAt(SectionPage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)

    def test_article_is_routable(self):
        self.assertPageIsRoutable(self.article)

    def test_embargoed_article_is_hidden_from_readers(self):
        response = self.client.get(self.embargoed.url)
        self.assertEqual(response.status_code, 404)

    def test_embargoed_article_is_visible_to_editors(self):
        editor = User.objects.create_superuser("editor", "ed@example.com", "pw")
        self.client.force_login(editor)
        response = self.client.get(self.embargoed.url)
        self.assertEqual(response.status_code, 200)

    def test_section_lists_only_released_articles(self):
        response = self.client.get(self.section.url)
        self.assertTemplateUsed(response, "articles/section_page.html")
        self.assertEqual(list(response.context["articles"]), [self.article])
