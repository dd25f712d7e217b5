"""The Regional Experts Database: experts of the member administrations, the areas they know,
the languages they speak, the competencies of the framework they hold (at a proficiency level),
and the nominations through which focal points propose them."""

import datetime
import functools

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.files import GeneratedName, UploadValidator, private_storage

CV_MAX_BYTES = 5 * 1024 * 1024
validate_cv = UploadValidator(kinds=("pdf", "docx"), max_bytes=CV_MAX_BYTES)

# A record not confirmed for this many months is stale: its focal point is asked to check it.
STALE_AFTER_MONTHS = 12
# A record not confirmed for this many years is purged: the person goes, the counts stay.
PURGE_AFTER_YEARS = 4

# Languages an expert may work in: those of the region and the WCO's working languages.
LANGUAGES = [
    ("sq", _("Albanian")),
    ("ar", _("Arabic")),
    ("hy", _("Armenian")),
    ("az", _("Azerbaijani")),
    ("be", _("Belarusian")),
    ("bs", _("Bosnian")),
    ("bg", _("Bulgarian")),
    ("zh", _("Chinese")),
    ("hr", _("Croatian")),
    ("cs", _("Czech")),
    ("da", _("Danish")),
    ("nl", _("Dutch")),
    ("en", _("English")),
    ("et", _("Estonian")),
    ("fi", _("Finnish")),
    ("fr", _("French")),
    ("ka", _("Georgian")),
    ("de", _("German")),
    ("el", _("Greek")),
    ("he", _("Hebrew")),
    ("hu", _("Hungarian")),
    ("is", _("Icelandic")),
    ("ga", _("Irish")),
    ("it", _("Italian")),
    ("kk", _("Kazakh")),
    ("ky", _("Kyrgyz")),
    ("lv", _("Latvian")),
    ("lt", _("Lithuanian")),
    ("lb", _("Luxembourgish")),
    ("mk", _("Macedonian")),
    ("mt", _("Maltese")),
    ("cnr", _("Montenegrin")),
    ("no", _("Norwegian")),
    ("fa", _("Persian")),
    ("pl", _("Polish")),
    ("pt", _("Portuguese")),
    ("ro", _("Romanian")),
    ("ru", _("Russian")),
    ("sr", _("Serbian")),
    ("sk", _("Slovak")),
    ("sl", _("Slovenian")),
    ("es", _("Spanish")),
    ("sv", _("Swedish")),
    ("tg", _("Tajik")),
    ("tr", _("Turkish")),
    ("tk", _("Turkmen")),
    ("uk", _("Ukrainian")),
    ("uz", _("Uzbek")),
]


LANGUAGE_NAMES = dict(LANGUAGES)


def language_name(code: str) -> str:
    """A language's name in the active language (the code itself for one not listed)."""
    return str(LANGUAGE_NAMES.get(code, code))


def language_choices() -> list[tuple[str, str]]:
    """The languages sorted by their name in the active language."""
    return list(_languages_sorted(get_language()))


@functools.cache
def _languages_sorted(language: str | None) -> list[tuple[str, str]]:
    # Sorted once a language: each sort translates every name, and a search's form validates
    # the chosen language against the choices on every request.
    return sorted(LANGUAGES, key=lambda choice: str(choice[1]))


def _years_before(today: datetime.date, years: int) -> datetime.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


def stale_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Records last confirmed before this date are stale (12 months ago; 29 February → 28)."""
    return _years_before(today or timezone.localdate(), STALE_AFTER_MONTHS // 12)


def purge_cutoff(today: datetime.date | None = None) -> datetime.date:
    """Records last confirmed before this date are purged (four years ago)."""
    return _years_before(today or timezone.localdate(), PURGE_AFTER_YEARS)


class Accreditation(models.TextChoices):
    NONE = "none", _("Not accredited")
    IN_PROGRESS = "in_progress", _("Accreditation in progress")
    FACILITATOR = "facilitator", _("WCO accredited facilitator")
    EXPERT = "expert", _("WCO accredited expert")

    @classmethod
    def accredited(cls) -> list[str]:
        return [cls.FACILITATOR, cls.EXPERT]


class Level(models.IntegerChoices):
    """How well an expert speaks a language; higher is better, so filters can ask 'at least'."""

    BASIC = 1, _("Basic")
    INTERMEDIATE = 2, _("Intermediate")
    FLUENT = 3, _("Fluent")
    NATIVE = 4, _("Native")


class Availability(models.TextChoices):
    AVAILABLE = "available", _("available for missions")
    LIMITED = "limited", _("available with limits")
    UNAVAILABLE = "unavailable", _("not available at present")


class ExpertiseArea(models.Model):
    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=150)

    class Meta:
        verbose_name = _("area of expertise")
        verbose_name_plural = _("areas of expertise")
        ordering = ["name_en"]

    def __str__(self):
        return self.name


class ExpertDetails(models.Model):
    """What an expert's record and a nomination both hold about the person."""

    given_names = models.CharField(_("given names"), max_length=120)
    family_name = models.CharField(_("family name"), max_length=120)
    position = models.CharField(
        _("position"), max_length=250, help_text=_("Current post and unit.")
    )
    email = models.EmailField(_("email address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    accreditation = models.CharField(
        _("WCO accreditation"),
        max_length=20,
        choices=Accreditation.choices,
        default=Accreditation.NONE,
        db_index=True,
    )
    experience = models.TextField(
        _("experience"),
        blank=True,
        help_text=_("Missions, training delivered, publications: a few lines."),
    )
    cv = models.FileField(
        _("CV"),
        upload_to=GeneratedName("experts/cv"),
        storage=private_storage,
        validators=[validate_cv],
        max_length=200,
        blank=True,
        help_text=_("PDF or Word (DOCX), up to 5 MB."),
    )
    cv_name = models.CharField(_("CV file name"), max_length=255, blank=True, editable=False)
    consent_given_on = models.DateField(
        _("consent given on"),
        help_text=_("The day the expert agreed to be listed in the database."),
    )
    # A nomination takes the portal's language the focal point used; the expert may change it.
    language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        db_default=settings.LANGUAGE_CODE,  # rows the previous release inserts get it too
        help_text=_("Emails to the expert are written in this language."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


# Records members may see: not withdrawn and not erased. The expert page's statement
# (experts/detail_rows.py) writes the same condition out: change both together.
LISTED = models.Q(withdrawn_at__isnull=True, erased_on__isnull=True)


class ExpertQuerySet(models.QuerySet):
    def listed(self):
        """Records members may see: not withdrawn and not erased."""
        return self.filter(LISTED)

    def stale(self, today: datetime.date | None = None):
        return self.filter(confirmed_on__lt=stale_cutoff(today))

    def current(self, today: datetime.date | None = None):
        return self.filter(confirmed_on__gte=stale_cutoff(today))


class Expert(ExpertDetails):
    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        related_name="experts",
    )
    areas = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("areas of expertise"), related_name="experts"
    )
    confirmed_on = models.DateField(
        _("last confirmed on"),
        default=timezone.localdate,
        db_index=True,
        help_text=_("The day the record was last checked; after 12 months it needs a check."),
    )
    # Set by the expert through their own link, or by staff; the needs matching ranks by it.
    availability = models.CharField(
        _("availability"),
        max_length=12,
        choices=Availability.choices,
        default=Availability.AVAILABLE,
    )
    # The expert's own record (experts.tokens): withdrawing hides the record at once, and its
    # personal data is erased EXPERT_WITHDRAWN_RETENTION_DAYS later; a record not confirmed
    # for four years is erased too. An erased row keeps only what the office counts.
    withdrawn_at = models.DateTimeField(
        _("withdrawn on"), null=True, blank=True, editable=False, db_index=True
    )
    erased_on = models.DateField(
        _("personal data erased on"), null=True, blank=True, editable=False, db_index=True
    )
    # Part of the signed link: raising it makes every link sent before invalid.
    link_version = models.PositiveIntegerField(
        _("link version"), default=0, db_default=0, editable=False
    )
    # Full-text vector over names, position, areas and experience in both languages, kept
    # current by experts.services.expert_index (a GIN index makes the search fast).
    search_vector = SearchVectorField(_("search vector"), null=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ExpertQuerySet.as_manager()

    class Meta:
        verbose_name = _("expert")
        verbose_name_plural = _("experts")
        ordering = ["family_name_en", "given_names_en"]
        indexes = [
            GinIndex(fields=["search_vector"], name="experts_expert_search_gin"),
            # The search's order by name (experts.filters.in_page_language), in each page
            # language: a page of the list is read in order instead of sorting every expert.
            # Only listed records (ExpertQuerySet.listed) are searched.
            models.Index(
                Lower("family_name_en"),
                Lower("given_names_en"),
                "id",
                name="experts_name_en_idx",
                condition=LISTED,
            ),
            models.Index(
                Lower(Coalesce(NullIf("family_name_ru", Value("")), "family_name_en")),
                Lower(Coalesce(NullIf("given_names_ru", Value("")), "given_names_en")),
                "id",
                name="experts_name_ru_idx",
                condition=LISTED,
            ),
            # The ranking for a needs request (needs.selectors.RANKING_SQL) reads every listed
            # candidate's score and order columns from this index alone (an index-only scan of
            # under 100 pages for 10,000 experts, instead of the table's wide rows).
            models.Index(
                fields=["id"],
                include=["administration", "availability", "family_name_en", "given_names_en"],
                name="experts_rankable_idx",
                condition=LISTED,
            ),
            # The country page's experts (experts.selectors.PROVIDED_BY_SQL), on every visit: an
            # administration's first listed experts in name order, read from the index instead
            # of all its records (some 160 on the benchmark data) sorted: the statement's execution
            # went from 0.3-0.45 ms to 0.2 ms (EXPLAIN ANALYZE, medians of 30).
            models.Index(
                fields=["administration", "family_name_en", "given_names_en", "id"],
                name="experts_provided_by_idx",
                condition=LISTED,
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                # Erased records have no address left.
                condition=models.Q(erased_on__isnull=True),
                name="experts_expert_email_ci_unique",
                violation_error_message=_("An expert with this email address is already listed."),
            ),
        ]

    def __str__(self):
        if self.erased_on:
            return _("Erased record no. %(number)s") % {"number": self.pk}
        return self.full_name

    def get_absolute_url(self):
        return reverse("experts:detail", args=[self.pk])

    @property
    def is_listed(self) -> bool:
        return self.withdrawn_at is None and self.erased_on is None

    def is_stale(self, today: datetime.date | None = None) -> bool:
        return self.confirmed_on < stale_cutoff(today)


class LanguageSkill(models.Model):
    language = models.CharField(_("language"), max_length=3, choices=language_choices)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.language_name} ({self.get_level_display()})"

    @property
    def language_name(self) -> str:
        # Not get_language_display(): that sorts the whole (callable) list of choices each time.
        return language_name(self.language)


class ExpertLanguage(LanguageSkill):
    expert = models.ForeignKey(
        Expert, verbose_name=_("expert"), on_delete=models.CASCADE, related_name="languages"
    )

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["-level", "language"]
        indexes = [models.Index(fields=["language", "level"], name="experts_language_level_idx")]
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "language"],
                name="experts_expertlanguage_once",
                violation_error_message=_("Each language is listed once."),
            ),
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="experts_expertlanguage_level"
            ),
        ]


class CompetencyHolding(models.Model):
    """A competency of the office's framework held at a proficiency level of its scale."""

    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    level = models.ForeignKey(
        "competencies.ProficiencyLevel",
        verbose_name=_("proficiency level"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.competency} ({self.level})"


class ExpertCompetency(CompetencyHolding):
    # No index of their own: the unique (expert, competency) and the (competency, level) index
    # begin with each of them.
    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert"),
        on_delete=models.CASCADE,
        related_name="competencies",
        db_index=False,
    )
    # The framework reaches the experts who hold a competency through this name (the
    # self-assessment's "who can help"): competencies does not import this app.
    competency = models.ForeignKey(
        "competencies.Competency",
        verbose_name=_("competency"),
        on_delete=models.CASCADE,
        related_name="expert_holdings",
        db_index=False,
    )

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["competency__code"]
        # The search's "competency at level ≥ N" and the needs ranking read by competency.
        indexes = [
            models.Index(fields=["competency", "level"], name="experts_competency_level_idx")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["expert", "competency"],
                name="experts_expertcompetency_once",
                violation_error_message=_("Each competency is listed once."),
            ),
        ]


class Nomination(ExpertDetails):
    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        WITHDRAWN = "withdrawn", _("Withdrawn by the focal point")

    administration = models.ForeignKey(
        "administrations.Administration",
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        related_name="nominations",
    )
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="nominations",
    )
    areas = models.ManyToManyField(
        ExpertiseArea, verbose_name=_("areas of expertise"), related_name="nominations"
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    corrected_at = models.DateTimeField(
        _("corrected"),
        null=True,
        blank=True,
        help_text=_("When the focal point last corrected the pending nomination."),
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    review_reason = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("Why the nomination was rejected; sent to the focal point."),
    )
    expert = models.ForeignKey(
        Expert,
        verbose_name=_("expert record"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nominations",
        help_text=_("The record the approval created or updated."),
    )

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-submitted_at"]
        constraints = [
            # The office reviews a nomination; one its focal point withdrew was never reviewed.
            models.CheckConstraint(
                condition=models.Q(status__in=["pending", "withdrawn"], reviewed_at__isnull=True)
                | (
                    ~models.Q(status__in=["pending", "withdrawn"])
                    & models.Q(reviewed_at__isnull=False)
                ),
                name="experts_nomination_reviewed_when_decided",
                violation_error_message=_("A decided nomination has a review date."),
            ),
            models.CheckConstraint(
                condition=~models.Q(status="rejected") | ~models.Q(review_reason=""),
                name="experts_nomination_rejection_has_reason",
                violation_error_message=_("A rejection needs a reason."),
            ),
        ]

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING


class NominationLanguage(LanguageSkill):
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="languages",
    )

    class Meta:
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        ordering = ["-level", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "language"],
                name="experts_nominationlanguage_once",
                violation_error_message=_("Each language is listed once."),
            ),
        ]


class NominationCompetency(CompetencyHolding):
    nomination = models.ForeignKey(
        Nomination,
        verbose_name=_("nomination"),
        on_delete=models.CASCADE,
        related_name="competencies",
    )

    class Meta:
        verbose_name = _("competency")
        verbose_name_plural = _("competencies")
        ordering = ["competency__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "competency"],
                name="experts_nominationcompetency_once",
                violation_error_message=_("Each competency is listed once."),
            ),
        ]
