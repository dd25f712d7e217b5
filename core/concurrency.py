"""Optimistic locking for edit forms: the second of two people saving the same record gets a
conflict message instead of silently overwriting the first one's change.

The form carries a fingerprint of the row as it was when the form was opened; on save, the row
is read again under a lock (`SELECT … FOR UPDATE`, inside the save's transaction) and its
fingerprint compared. No version column is needed, so it fits every model.
"""

import hashlib
import json

from django import forms
from django.contrib.postgres.search import SearchVectorField
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

FIELD = "edit_fingerprint"


def edited_columns(model) -> list[str]:
    """The columns a person edits: every concrete one but those the database or Django derive
    from the others (search vectors, generated columns, `auto_now` timestamps). Re-indexing an
    expert when an area is renamed, or a save that changes nothing but the timestamp, is no
    edit to warn about."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if not (
            isinstance(field, SearchVectorField | models.GeneratedField)
            or getattr(field, "auto_now", False)
        )
    ]


def row_fingerprint(model, pk, *, lock: bool = False) -> str | None:
    """A digest of the stored row as people edit it (`edited_columns`), or None when it no
    longer exists."""
    columns = edited_columns(model)
    rows = model._base_manager.filter(pk=pk)
    if hasattr(rows, "rewrite"):
        # modeltranslation would read `title` as the page language's column: the digest of a
        # form opened on an English page must match the same row read on a Russian one.
        rows = rows.rewrite(False)
    if lock:
        rows = rows.select_for_update()
    values = rows.values(*columns).first()
    if values is None:
        return None
    encoded = json.dumps(values, cls=DjangoJSONEncoder, sort_keys=True, default=str)
    return hashlib.sha256(encoded.encode()).hexdigest()


class ConflictCheckFormMixin(forms.Form):
    """ModelForm mixin: refuse to save over a change made since the form was opened.

    The form must render its hidden `edit_fingerprint` field (a form posted without it is
    treated as opened on an unknown version and refused).
    """

    edit_fingerprint = forms.CharField(widget=forms.HiddenInput, required=False)

    conflict_message = _(
        "Someone else changed this record while you were editing it. Your changes were not "
        "saved: reload the page to see the current version, then make your changes again."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.initial[FIELD] = row_fingerprint(type(self.instance), self.instance.pk)

    def clean(self):
        cleaned_data = super().clean()
        # A fingerprint that is not even text (it was tampered with) is no error of a field the
        # page shows: for a record being edited it counts as an unknown version, below.
        self._errors.pop(FIELD, None)
        if self.instance.pk is not None:
            opened = cleaned_data.get(FIELD)
            current = row_fingerprint(type(self.instance), self.instance.pk, lock=True)
            if (opened or None) != current:
                raise forms.ValidationError(self.conflict_message, code="edit_conflict")
        return cleaned_data
