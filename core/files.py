"""Uploaded files: checked by content, stored under generated names, private ones served only
through permission-checked views.

Private files live in `PRIVATE_MEDIA_ROOT`, outside `MEDIA_ROOT`, so no web server or media URL
can reach them; views call `attachment_response()` after their own permission check.
"""

import mimetypes
import uuid
from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, storages
from django.http import FileResponse
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# What each kind of upload may be, judged by the file's first bytes (never by its name).
KINDS = {
    "pdf": ("application/pdf",),
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",),
    "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation",),
    "jpeg": ("image/jpeg",),
    "png": ("image/png",),
    "webp": ("image/webp",),
}


class PrivateStorage(FileSystemStorage):
    """Files with no public URL: they are served only by views that check permissions."""

    def url(self, name):
        return ""


def private_storage():
    return storages["private"]


@deconstructible
class GeneratedName:
    """upload_to: a random name in `folder`, so an uploaded name can never choose a path or
    overwrite another file, ending in the extension of the type the file's content shows (the
    type the field's UploadValidator checked), never the one the uploader typed: a PDF sent as
    "cv.html" is stored as "<uuid>.pdf". A file of no known type gets no extension."""

    def __init__(self, folder: str):
        self.folder = folder

    def __call__(self, instance, filename: str) -> str:
        upload = self._upload(instance)
        kind = sniffed_kind(upload) if upload is not None else None
        extension = f".{kind}" if kind else ""
        return f"{self.folder}/{uuid.uuid4().hex}{extension}"

    def _upload(self, instance):
        """The file being saved to the field whose upload_to this is (not yet in storage)."""
        for field in instance._meta.fields if instance is not None else ():
            if getattr(field, "upload_to", None) is self:
                field_file = getattr(instance, field.attname)
                if field_file and not field_file._committed:
                    return field_file.file
        return None


@deconstructible
class UploadValidator:
    """Validator for FileFields: size limit and content type sniffed from the bytes."""

    def __init__(self, kinds: tuple[str, ...], max_bytes: int):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, upload) -> None:
        if getattr(upload, "_committed", False):
            # A file already in storage (a form saved again without a new upload) was checked
            # when it came in; reading it again would only open it and leave it open.
            return
        if upload.size > self.max_bytes:
            raise ValidationError(
                _("The file is %(size)s; the limit is %(limit)s."),
                code="file_too_large",
                params={
                    "size": filesizeformat(upload.size),
                    "limit": filesizeformat(self.max_bytes),
                },
            )
        if sniffed_kind(upload) not in self.kinds:
            raise ValidationError(
                _("This file type is not accepted. Allowed: %(kinds)s."),
                code="file_type",
                params={"kinds": ", ".join(kind.upper() for kind in self.kinds)},
            )

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )


def sniffed_kind(upload) -> str | None:
    """The kind (a key of KINDS) the file's content shows it to be, or None."""
    position = upload.tell() if hasattr(upload, "tell") else 0
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(position)
    guess = filetype.guess(head)
    if guess is None:
        return None
    return next((kind for kind, mimes in KINDS.items() if guess.mime in mimes), None)


def attachment_response(field_file, *, filename: str) -> FileResponse:
    """Serve a stored file as a download under its original name (Cyrillic kept), with an
    allow-listed content type."""
    kind = sniffed_kind(field_file)
    content_type = KINDS[kind][0] if kind else "application/octet-stream"
    field_file.open("rb")
    response = FileResponse(
        field_file,
        as_attachment=True,
        filename=download_name(filename, kind),
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def download_name(filename: str, kind: str | None) -> str:
    """The name a download is saved under: printable characters only, ending in the extension
    of what the file really is (a PDF uploaded as "cv.exe" is saved as "cv.exe.pdf")."""
    name = "".join(char for char in filename if char.isprintable()).strip() or "download"
    if kind is not None:
        extensions = mimetypes.guess_all_extensions(KINDS[kind][0]) or [f".{kind}"]
        if PurePath(name).suffix.lower() not in extensions:
            name += guess_extension(kind)
    return name


def guess_extension(kind: str) -> str:
    return mimetypes.guess_extension(KINDS[kind][0]) or f".{kind}"
