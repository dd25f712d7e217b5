"""Uploads kept across a failed submit: when a form comes back with an error, a file that was
valid is not lost (browsers never keep a chosen file). It is stored in private storage (no URL
reaches it) and the form carries a signed reference to it, so the next submit takes it without
a new upload. The form says "Kept: cv.pdf (choose another file to replace it)".

The reference is signed (it cannot name another file) and expires after KEPT_HOURS; a kept file
is deleted when the next submit takes it, and the nightly purge (core.tasks) deletes those of
forms never sent again. Use `KeptFileInput` as the widget and `KeepUploadsMixin` on the form.
"""

import datetime
import re
import time
import uuid

from django import forms
from django.core import signing
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from django.utils.translation import ngettext

from core.files import private_storage, sniffed_kind

KEPT_HOURS = 24
FOLDER = "kept"
_SALT = "core.uploads.kept"
_NAME = re.compile(rf"^{FOLDER}/(?P<stamp>\d+)_[0-9a-f]{{32}}(\.[a-z]+)?$")


def upload_keep(upload) -> str:
    """Store the upload under a generated name; the signed reference the form carries."""
    kind = sniffed_kind(upload)
    name = f"{FOLDER}/{int(time.time())}_{uuid.uuid4().hex}{f'.{kind}' if kind else ''}"
    upload.seek(0)
    stored = private_storage().save(name, ContentFile(upload.read()))
    upload.seek(0)
    return signing.dumps({"path": stored, "name": upload.name[:255]}, salt=_SALT, compress=True)


def upload_take(reference: str) -> ContentFile | None:
    """The file a reference names, under its original name, taken out of storage; None for a
    reference that is forged, expired or already taken."""
    try:
        kept = signing.loads(reference, salt=_SALT, max_age=datetime.timedelta(hours=KEPT_HOURS))
        path, name = str(kept["path"]), str(kept["name"])
    except (signing.BadSignature, KeyError, TypeError):
        return None
    storage = private_storage()
    if not _NAME.match(path) or not storage.exists(path):
        return None
    with storage.open(path, "rb") as stored:
        content = stored.read()
    storage.delete(path)
    return ContentFile(content, name=name)


def kept_uploads_purge(*, now: datetime.datetime) -> int:
    """Delete the kept files older than KEPT_HOURS (their references no longer work)."""
    storage = private_storage()
    try:
        # An object store has no folders to ask about: its listing of the prefix is the test.
        filenames = storage.listdir(FOLDER)[1]
    except FileNotFoundError:  # a local folder not made yet: nothing was ever kept
        return 0
    cutoff = now.timestamp() - KEPT_HOURS * 3600
    deleted = 0
    for filename in filenames:
        match = _NAME.match(f"{FOLDER}/{filename}")
        if match is None or int(match["stamp"]) < cutoff:
            storage.delete(f"{FOLDER}/{filename}")
            deleted += 1
    return deleted


class KeptFileInput(forms.FileInput):
    """A file input (one file, or several with `multiple=True`) that keeps its valid upload
    across a failed submit: the kept files travel as signed references in hidden inputs named
    `<name>_kept`, and come back as the field's value when no new file is chosen."""

    template_name = "core/widgets/kept_file.html"

    def __init__(self, attrs=None, *, multiple: bool = False):
        super().__init__(attrs)
        self.allow_multiple_selected = multiple
        self.taken: dict[str, ContentFile | None] = {}  # references read from this post
        self.valid = None  # the field's cleaned files, set by KeepUploadsMixin
        self.kept: list[tuple[str, str]] = []  # (reference, file name) shown on the page

    def __deepcopy__(self, memo):
        copied = super().__deepcopy__(memo)
        copied.taken, copied.valid, copied.kept = {}, None, []  # each form has its own
        return copied

    @staticmethod
    def kept_name(name: str) -> str:
        return f"{name}_kept"

    def value_from_datadict(self, data, files, name):
        chosen = super().value_from_datadict(data, files, name)
        if chosen:
            return chosen
        references = data.getlist(self.kept_name(name)) if hasattr(data, "getlist") else []
        for reference in references:
            if reference not in self.taken:  # a file is taken out of storage once
                self.taken[reference] = upload_take(reference)
        kept = [self.taken[reference] for reference in references if self.taken[reference]]
        if not kept:
            return None
        return kept if self.allow_multiple_selected else kept[0]

    def value_omitted_from_data(self, data, files, name):
        return super().value_omitted_from_data(data, files, name) and (
            self.kept_name(name) not in data
        )

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        # The page is shown again (a submit failed): the valid files are kept for the next one.
        uploads = self.valid if isinstance(self.valid, list) else [self.valid]
        # Only what this post brought: never a file already stored (a record's current CV).
        uploads = [upload for upload in uploads if upload and not isinstance(upload, FieldFile)]
        if uploads:
            self.valid = None  # stored once, however often the field is rendered
            self.kept = [(upload_keep(upload), upload.name) for upload in uploads]
        kept = self.kept
        names = ", ".join(name for _reference, name in kept)
        if kept and context["widget"]["attrs"].get("id"):
            note_id = f"{context['widget']['attrs']['id']}_kept"
            described = context["widget"]["attrs"].get("aria-describedby", "")
            context["widget"]["attrs"]["aria-describedby"] = f"{described} {note_id}".strip()
        context["widget"].update(
            kept_name=self.kept_name(name),
            kept_references=[reference for reference, _name in kept],
            kept_note=ngettext(
                "Kept: %(names)s (choose another file to replace it).",
                "Kept: %(names)s (choose other files to replace them).",
                len(kept),
            )
            % {"names": names}
            if kept
            else "",
        )
        return context


class KeepUploadsMixin:
    """For a form with KeptFileInput widgets: after validation, each file field without an
    error hands its files to its widget, which keeps them if the page is shown again."""

    def full_clean(self):
        super().full_clean()
        if not hasattr(self, "cleaned_data"):  # an unbound form: nothing was sent
            return
        for name, field in self.fields.items():
            if isinstance(field.widget, KeptFileInput) and name not in self.errors:
                field.widget.valid = self.cleaned_data.get(name)
