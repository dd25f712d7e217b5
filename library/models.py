"""The library: documents with one file per language, shown to the public, to members or to
office staff only (the office's digital archive)."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.files import GeneratedName, UploadValidator, private_storage, sniffed_kind

FILE_KINDS = ("pdf", "docx", "xlsx", "pptx")
FILE_MAX_BYTES = 30 * 1024 * 1024


class Category(models.Model):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("The category's part of a URL.")
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members")
    STAFF = "staff", _("Office staff only")


class DocumentQuerySet(models.QuerySet):
    def visible_in(self, visibilities) -> "DocumentQuerySet":
        return self.filter(visibility__in=visibilities)


class Document(models.Model):
    Visibility = Visibility

    # Who sees what: the public pages show public documents, the members area public and
    # members' documents; staff-only documents (the office's archive) appear only in the admin.
    PUBLIC_PAGES = (Visibility.PUBLIC,)
    MEMBERS_AREA = (Visibility.PUBLIC, Visibility.MEMBERS)

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    visibility = models.CharField(
        _("visibility"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
        help_text=_(
            "Public documents are on the public pages and in the site search; members' "
            "documents only in the members area; staff-only documents only here in the admin."
        ),
    )
    published_on = models.DateField(_("published on"), default=timezone.localdate)
    # Full text in each page language. The Russian vector takes the English text too (the
    # russian configuration stems Latin words as English), since a Russian page shows the
    # English text where there is no Russian one.
    search_en = models.GeneratedField(
        expression=SearchVector("title_en", weight="A", config="english")
        + SearchVector("description_en", weight="B", config="english"),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search vector (English)"),
    )
    search_ru = models.GeneratedField(
        expression=SearchVector("title_ru", weight="A", config="russian")
        + SearchVector("description_ru", weight="B", config="russian")
        + SearchVector("title_en", weight="C", config="russian")
        + SearchVector("description_en", weight="D", config="russian"),
        output_field=SearchVectorField(),
        db_persist=True,
        verbose_name=_("search vector (Russian)"),
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-published_on", "-pk"]
        indexes = [
            models.Index(fields=["visibility", "-published_on", "-id"], name="library_doc_listing"),
            # The members' listing (public and members' documents, newest first) reads this in
            # order and stops after a page; the one above cannot give the order for two values.
            models.Index(fields=["-published_on", "-id"], name="library_doc_newest"),
            GinIndex(fields=["search_en"], name="library_doc_search_en"),
            GinIndex(fields=["search_ru"], name="library_doc_search_ru"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(visibility__in=Visibility.values),
                name="library_document_visibility_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def file_in(self, language: str) -> "DocumentFile | None":
        """This document's file in a language (from prefetched `files` when there)."""
        return next((f for f in self.files.all() if f.language == language), None)


class DocumentFile(models.Model):
    """One language version of a document, kept under a generated name outside MEDIA_ROOT."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="files"
    )
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    file = models.FileField(
        _("file"),
        storage=private_storage,
        upload_to=GeneratedName("library"),
        max_length=200,
        validators=[UploadValidator(kinds=FILE_KINDS, max_bytes=FILE_MAX_BYTES)],
        help_text=_("PDF, DOCX, XLSX or PPTX, up to 30 MB."),
    )
    original_name = models.CharField(
        _("original file name"),
        max_length=255,
        editable=False,
        help_text=_("Downloads keep the name the file was uploaded with."),
    )
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0, editable=False)
    kind = models.CharField(
        _("file type"),
        max_length=10,
        choices=[(kind, kind.upper()) for kind in FILE_KINDS],
        editable=False,
    )

    class Meta:
        verbose_name = _("file")
        verbose_name_plural = _("files")
        ordering = ["document_id", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"],
                name="library_one_file_per_language",
                violation_error_message=_("This document already has a file in this language."),
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=[code for code, _name in settings.LANGUAGES]),
                name="library_file_language_valid",
            ),
        ]

    def __str__(self):
        return f"{self.document} ({self.get_language_display()})"

    def describe_upload(self, upload) -> None:
        """Record what was uploaded: its name (for the download), size and sniffed type."""
        self.original_name = upload.name.rsplit("/", 1)[-1][:255]
        self.size = upload.size
        self.kind = sniffed_kind(upload) or ""
