"""Writes of the library: documents and their language versions."""

import datetime
from collections.abc import Mapping

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from library.models import Category, Document, DocumentFile


@transaction.atomic
def document_create(
    *,
    title_en: str,
    category: Category,
    visibility: str = Document.Visibility.MEMBERS,
    title_ru: str = "",
    description_en: str = "",
    description_ru: str = "",
    published_on: datetime.date | None = None,
    files: Mapping[str, UploadedFile] | None = None,
) -> Document:
    """A new document, with its file in each language given (either may be missing)."""
    document = Document(
        title_en=title_en,
        title_ru=title_ru,
        description_en=description_en,
        description_ru=description_ru,
        category=category,
        visibility=visibility,
    )
    if published_on is not None:
        document.published_on = published_on
    document.full_clean()
    document.save()
    for language, upload in (files or {}).items():
        document_file_attach(document=document, language=language, upload=upload)
    return document


@transaction.atomic
def document_file_attach(
    *, document: Document, language: str, upload: UploadedFile
) -> DocumentFile:
    """Give a document its file in a language, replacing the one it had; the uploaded file's
    name is kept for downloads. The replaced file stays in storage for the edit history."""
    document_file = DocumentFile.objects.filter(document=document, language=language).first()
    if document_file is None:
        document_file = DocumentFile(document=document, language=language)
    document_file.file = upload
    document_file.describe_upload(upload)
    document_file.full_clean()
    document_file.save()
    return document_file
