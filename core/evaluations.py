"""The fields of the portal's short evaluation forms (a mission's, an event's): ratings from
1 (poor) to 5 (excellent) as radio buttons, and an optional plain-text comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

SCORES = [(str(n), str(n)) for n in range(1, 6)]


def score_field(label) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, choices=SCORES, coerce=int, widget=forms.RadioSelect)


def comment_field(max_length: int) -> forms.CharField:
    return forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": max_length}),
        help_text=_("Optional: what worked, what to do differently next time."),
    )
