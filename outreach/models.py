"""Public outreach: news, events, and the WCO tools and e-learning courses the office promotes."""

import operator
from functools import reduce

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.richtext import RichTextField
from rocb.files import GeneratedName, UploadValidator

IMAGE_VALIDATOR = UploadValidator(kinds=("jpeg", "png", "webp"), max_bytes=5 * 1024 * 1024)


def search_vector_field(config: str, languages: tuple[str, ...], weights: dict[str, str]):
    """A stored full-text vector, kept current by PostgreSQL, over the fields' language columns.

    The Russian vector covers the English columns too: PostgreSQL's `russian` configuration stems
    Latin words in English, so a search on a Russian page also finds items still shown there in
    English.
    """
    vectors = [
        SearchVector(
            # The cast keeps the expression immutable, as a generated column requires.
            *(Cast(f"{field}_{language}", models.TextField()) for language in languages),
            config=config,
            weight=weight,
        )
        for field, weight in weights.items()
    ]
    return models.GeneratedField(
        expression=reduce(operator.add, vectors),
        output_field=SearchVectorField(),
        db_persist=True,
        editable=False,
        verbose_name=_("search vector"),
    )


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class SearchableQuerySet(models.QuerySet):
    def without_search_vectors(self):
        """Leave the (large) stored vectors out of pages that only show the rows."""
        return self.defer("search_en", "search_ru")


class PublishedQuerySet(SearchableQuerySet):
    def published(self):
        """What the public may see: drafts never leave the admin."""
        return self.filter(status=Status.PUBLISHED)


class NewsItem(models.Model):
    SEARCHED = {"title": "A", "summary": "B", "body": "C"}

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The news item's web address.")
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("One or two sentences for lists, feeds and search engines."),
    )
    body = RichTextField(_("text"), blank=True)
    image = models.ImageField(
        _("image"), upload_to=GeneratedName("news"), blank=True, validators=[IMAGE_VALIDATOR]
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for people who cannot see it."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField(_("publication date"), default=timezone.now)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    search_en = search_vector_field("english", ("en",), SEARCHED)
    search_ru = search_vector_field("russian", ("ru", "en"), SEARCHED)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="news_published_idx"),
            GinIndex(fields=["search_en"], name="news_search_en_idx"),
            GinIndex(fields=["search_ru"], name="news_search_ru_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="news_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(slug="feed"),
                name="news_slug_not_feed",
                violation_error_message=_("“feed” is the address of the news feed."),
            ),
            models.CheckConstraint(
                condition=models.Q(image="")
                | (models.Q(image_alt_en__isnull=False) & ~models.Q(image_alt_en="")),
                name="news_image_has_description",
                violation_error_message=_("An image needs a description."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outreach:news_detail", kwargs={"slug": self.slug})

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED


class Event(models.Model):
    SEARCHED = {"title": "A", "place": "B", "description": "C"}

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        WORKSHOP = "workshop", _("Workshop")
        SEMINAR = "seminar", _("Seminar")
        TRAINING = "training", _("Training course")
        WEBINAR = "webinar", _("Webinar")
        MEETING = "meeting", _("Meeting")

    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(
        _("slug"), max_length=200, unique=True, help_text=_("The event's web address.")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    place = models.CharField(
        _("place"), max_length=200, help_text=_("City and country, or “Online”.")
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), blank=True, help_text=_("Page with details or registration."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    search_en = search_vector_field("english", ("en",), SEARCHED)
    search_ru = search_vector_field("russian", ("ru", "en"), SEARCHED)

    objects = PublishedQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on", "id"]
        indexes = [
            models.Index(fields=["status", "ends_on", "starts_on"], name="event_dates_idx"),
            GinIndex(fields=["search_en"], name="event_search_en_idx"),
            GinIndex(fields=["search_ru"], name="event_search_ru_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The last day cannot come before the first day."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=Status.values), name="event_status_valid"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outreach:event_detail", kwargs={"slug": self.slug})

    def get_calendar_url(self):
        return reverse("outreach:event_calendar", kwargs={"slug": self.slug})

    @property
    def is_upcoming(self) -> bool:
        return self.ends_on >= timezone.localdate()


class Tool(models.Model):
    SEARCHED = {"title": "A", "description": "B"}

    class Kind(models.TextChoices):
        INSTRUMENT = "instrument", _("WCO instrument")
        TOOL = "tool", _("Tool")
        COURSE = "course", _("E-learning course")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), blank=True)
    image = models.ImageField(
        _("image"), upload_to=GeneratedName("tools"), blank=True, validators=[IMAGE_VALIDATOR]
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("Describes the image for people who cannot see it."),
    )
    is_promoted = models.BooleanField(_("promoted on the home page"), default=False, db_index=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    search_en = search_vector_field("english", ("en",), SEARCHED)
    search_ru = search_vector_field("russian", ("ru", "en"), SEARCHED)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        verbose_name = _("WCO tool or course")
        verbose_name_plural = _("WCO tools and courses")
        ordering = ["kind", "position", "title"]
        indexes = [
            GinIndex(fields=["search_en"], name="tool_search_en_idx"),
            GinIndex(fields=["search_ru"], name="tool_search_ru_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outreach:tool_list") + f"#tool-{self.slug}"
