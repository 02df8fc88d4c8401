from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class Author(models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    email = models.EmailField(blank=True)
    bio = models.TextField(blank=True)
    is_staff_writer = models.BooleanField(default=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("email"), FieldPanel("bio"), FieldPanel("is_staff_writer")]

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SectionPage(Page):
    intro = RichTextField(blank=True)
    desk = models.CharField(max_length=40, help_text="Wire desk feeding this section, e.g. 'politics'")

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("desk")]
    subpage_types = ["articles.ArticlePage"]
    parent_page_types = ["wagtailcore.Page"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["articles"] = (
            ArticlePage.objects.child_of(self)
            .live()
            .filter(models.Q(embargo_until__isnull=True) | models.Q(embargo_until__lte=now))
            .order_by("-first_published_at")[:30]
        )
        return context


class ArticlePage(Page):
    standfirst = models.CharField(max_length=300, blank=True)
    body = RichTextField()
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="articles")
    embargo_until = models.DateTimeField(null=True, blank=True)
    wire_id = models.CharField(max_length=64, blank=True, db_index=True)
    syndicate = models.BooleanField(default=False, help_text="Offer to syndication partners once live")

    search_fields = Page.search_fields + [index.SearchField("standfirst"), index.SearchField("body")]
    content_panels = Page.content_panels + [
        FieldPanel("standfirst"),
        FieldPanel("author"),
        FieldPanel("body"),
        InlinePanel("corrections", label="Corrections"),
    ]
    settings_panels = Page.settings_panels + [
        MultiFieldPanel([FieldPanel("embargo_until"), FieldPanel("syndicate"), FieldPanel("wire_id")], heading="Distribution"),
    ]
    parent_page_types = ["articles.SectionPage"]
    subpage_types = []

    class Meta:
        permissions = [
            ("release_embargo", "Can release embargoed articles early"),
            ("import_wire", "Can import stories from the news wire"),
        ]

    @property
    def is_embargoed(self):
        return bool(self.embargo_until and self.embargo_until > timezone.now())


class Correction(Orderable):
    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="corrections")
    noted_at = models.DateTimeField(default=timezone.now)
    text = models.TextField()

    panels = [FieldPanel("noted_at"), FieldPanel("text")]


class WireImport(models.Model):
    wire_id = models.CharField(max_length=64, unique=True)
    desk = models.CharField(max_length=40)
    headline = models.CharField(max_length=300)
    payload = models.JSONField()
    imported_by = models.ForeignKey("auth.User", null=True, on_delete=models.SET_NULL)
    page = models.ForeignKey(ArticlePage, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
