"""Public outreach: news, events, and the WCO tools and e-learning courses the office promotes."""

import datetime
import operator
import zoneinfo
from functools import reduce

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.files import GeneratedName, UploadValidator
from outreach.richtext import RichTextField

IMAGE_VALIDATOR = UploadValidator(kinds=("jpeg", "png", "webp"), max_bytes=5 * 1024 * 1024)


# The text each model is searched on, with its weight (A counts most).
NEWS_SEARCHED = {"title": "A", "summary": "B", "body": "C"}
EVENT_SEARCHED = {"title": "A", "place": "B", "description": "C"}
TOOL_SEARCHED = {"title": "A", "description": "B"}

# Per page language: the PostgreSQL text search configuration and the columns it reads. The
# Russian one covers the English columns too: the `russian` configuration stems Latin words in
# English, so a Russian-page search also finds items still shown there in English.
VECTOR_LANGUAGES = {"en": ("english", ("en",)), "ru": ("russian", ("ru", "en"))}


def search_vector(weights: dict[str, str], language: str) -> SearchVector:
    """The full-text vector of a model's text for a page language.

    The same expression defines the GIN index (`search_indexes`) and the search query
    (`SearchableQuerySet.search`), so PostgreSQL answers searches from the index.
    """
    config, languages = VECTOR_LANGUAGES.get(language, VECTOR_LANGUAGES["en"])
    vectors = [
        SearchVector(
            # The cast keeps the expression immutable, as an index expression must be.
            *(Cast(f"{field}_{code}", models.TextField()) for code in languages),
            config=config,
            weight=weight,
        )
        for field, weight in weights.items()
    ]
    return reduce(operator.add, vectors)


def search_indexes(prefix: str, weights: dict[str, str]) -> list[GinIndex]:
    return [
        GinIndex(search_vector(weights, language), name=f"{prefix}_search_{language}_idx")
        for language in VECTOR_LANGUAGES
    ]


# Only this many matches, the newest, are ranked: ranking re-reads each row's text, so the cost
# of a search stays bounded however many rows match a common word.
SEARCH_CANDIDATES = 200


class SearchableQuerySet(models.QuerySet):
    searched_fields: dict[str, str] = {}

    def search(self, query: SearchQuery, *, language: str):
        """Rows matching the query in the page language, best first, with their `rank`."""
        vector = search_vector(self.searched_fields, language)
        candidates = (
            self.alias(search=vector)
            .filter(search=query)
            .order_by("-pk")
            .values("pk")[:SEARCH_CANDIDATES]
        )
        return (
            self.filter(pk__in=candidates)
            .annotate(rank=SearchRank(vector, query))
            .order_by("-rank", "-pk")
        )


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class PublishedQuerySet(SearchableQuerySet):
    def published(self):
        """What the public may see: drafts never leave the admin."""
        return self.filter(status=Status.PUBLISHED)


class NewsItemQuerySet(PublishedQuerySet):
    searched_fields = NEWS_SEARCHED


class EventQuerySet(PublishedQuerySet):
    searched_fields = EVENT_SEARCHED


class ToolQuerySet(SearchableQuerySet):
    searched_fields = TOOL_SEARCHED


class NewsItem(models.Model):
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

    objects = NewsItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-published_at", "-id"], name="news_published_idx"),
            *search_indexes("news", NEWS_SEARCHED),
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


# The office's own time zone, the default of an event's (and Django's TIME_ZONE by default).
OFFICE_TIME_ZONE = "Asia/Baku"


def validate_time_zone(value: str) -> None:
    """An IANA time zone name that the system knows (Europe/Brussels, Asia/Baku, UTC)."""
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("“%(value)s” is no time zone name such as Europe/Brussels or Asia/Baku."),
            params={"value": value},
            code="invalid_time_zone",
        ) from None


class Event(models.Model):
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
    # An event either has both times (on its first and last day, in its time zone) or none: one
    # of dates only lasts whole days, as every event did before times were added.
    start_time = models.TimeField(
        _("starting time"), null=True, blank=True, help_text=_("On the first day; local time.")
    )
    end_time = models.TimeField(
        _("ending time"), null=True, blank=True, help_text=_("On the last day; local time.")
    )
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=OFFICE_TIME_ZONE,
        validators=[validate_time_zone],
        help_text=_("Where the times hold, e.g. Europe/Brussels; online events: the host's."),
    )
    place = models.CharField(
        _("place"), max_length=200, help_text=_("City and country, or “Online”.")
    )
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("link"), blank=True, help_text=_("Page with details or registration."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PUBLISHED
    )
    # Set by `outreach.services.event_cancel`, which tells the registrants; the page stays up,
    # saying so, and calendars mark the event cancelled.
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True, editable=False)
    # The iCalendar SEQUENCE: raised by every change of date, time or place and by the
    # cancellation, so that calendar programs replace the copy they hold.
    sequence = models.PositiveIntegerField(_("calendar revision"), default=0, editable=False)
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_on", "id"]
        indexes = [
            models.Index(fields=["status", "ends_on", "starts_on"], name="event_dates_idx"),
            *search_indexes("event", EVENT_SEARCHED),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="event_ends_after_it_starts",
                violation_error_message=_("The last day cannot come before the first day."),
            ),
            models.CheckConstraint(
                condition=models.Q(start_time__isnull=True, end_time__isnull=True)
                | models.Q(start_time__isnull=False, end_time__isnull=False),
                name="event_both_times_or_none",
                violation_error_message=_("Give both the starting and the ending time, or none."),
            ),
            models.CheckConstraint(
                condition=~models.Q(ends_on=models.F("starts_on"))
                | models.Q(start_time__isnull=True)
                | models.Q(end_time__gt=models.F("start_time")),
                name="event_ends_after_it_starts_on_one_day",
                violation_error_message=_("On a one-day event the end comes after the start."),
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

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_at is not None

    @property
    def has_times(self) -> bool:
        return self.start_time is not None and self.end_time is not None

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone or OFFICE_TIME_ZONE)

    @property
    def utc_offset(self) -> str:
        """The zone as its offset on the first day ("UTC+4"): the same in both languages, where
        a zone's name ("Asia/Baku") has no Russian form."""
        offset = self.starts_at.utcoffset() if self.has_times else datetime.timedelta()
        minutes = int(offset.total_seconds() // 60)
        hours, rest = divmod(abs(minutes), 60)
        sign = "-" if minutes < 0 else "+"
        return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "") if minutes else "UTC"

    @property
    def starts_at(self) -> datetime.datetime | None:
        """The start as an aware date-time in the event's time zone (None: dates only)."""
        if not self.has_times:
            return None
        return datetime.datetime.combine(self.starts_on, self.start_time, tzinfo=self.zone)

    @property
    def ends_at(self) -> datetime.datetime | None:
        if not self.has_times:
            return None
        return datetime.datetime.combine(self.ends_on, self.end_time, tzinfo=self.zone)

    @property
    def is_over(self) -> bool:
        """Past its end: its last moment, or its last day in its own time zone."""
        if self.has_times:
            return self.ends_at <= timezone.now()
        return self.ends_on < timezone.now().astimezone(self.zone).date()


class Tool(models.Model):
    class Kind(models.TextChoices):
        INSTRUMENT = "instrument", _("WCO instrument")
        TOOL = "tool", _("Tool")
        COURSE = "course", _("E-learning course")

    class CourseFormat(models.TextChoices):
        SELF_PACED = "self_paced", _("Online, at one's own pace")
        TUTORED = "tutored", _("Online, with a tutor")
        BLENDED = "blended", _("Online, then a workshop")
        WEBINAR = "webinar", _("Webinar")

    # The languages the WCO's e-learning is offered in (the WCO's official and working ones).
    class CourseLanguage(models.TextChoices):
        ENGLISH = "en", _("English")
        FRENCH = "fr", _("French")
        SPANISH = "es", _("Spanish")
        RUSSIAN = "ru", _("Russian")
        ARABIC = "ar", _("Arabic")
        PORTUGUESE = "pt", _("Portuguese")

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
    # An e-learning course's details, shown on the tools page.
    course_languages = ArrayField(
        models.CharField(max_length=2, choices=CourseLanguage.choices),
        verbose_name=_("course languages"),
        default=list,
        blank=True,
    )
    course_length = models.CharField(
        _("length"),
        max_length=100,
        blank=True,
        help_text=_("How long the course takes, as learners would say it: “about 3 hours”."),
    )
    course_format = models.CharField(
        _("format"), max_length=20, choices=CourseFormat.choices, blank=True
    )
    enrol_url = models.URLField(
        _("enrolment link"),
        blank=True,
        help_text=_("The page where one enrols in this course, not the platform's home page."),
    )

    objects = ToolQuerySet.as_manager()

    class Meta:
        verbose_name = _("WCO tool or course")
        verbose_name_plural = _("WCO tools and courses")
        ordering = ["kind", "position", "title"]
        indexes = search_indexes("tool", TOOL_SEARCHED)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(course_format="")
                | models.Q(course_format__in=["self_paced", "tutored", "blended", "webinar"]),
                name="outreach_tool_course_format_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("outreach:tool_list") + f"#tool-{self.slug}"

    def course_language_names(self) -> list[str]:
        """The course's languages by name in the page's language (lower case in Russian, as
        mid-sentence)."""
        names = [str(self.CourseLanguage(code).label) for code in self.course_languages]
        if translation.get_language() == "ru":
            names = [name.lower() for name in names]
        return names
