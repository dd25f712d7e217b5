"""After an event: its participants' evaluations, anonymous from the start.

An answer names its event only, never the registration it came from (the registration records
just that it has answered, so its link works once): the results stay when the retention purge
erases the registrations, and nobody reading them can tell who gave which.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from outreach.models.content import Event

SCORE_VALIDATORS = [MinValueValidator(1), MaxValueValidator(5)]
SCORES = ("overall", "usefulness", "organisation")
COMMENT_MAX = 2000


class EventEvaluation(models.Model):
    """One participant's evaluation of an event: three ratings from 1 to 5 and a comment."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="evaluations", verbose_name=_("event")
    )
    overall = models.PositiveSmallIntegerField(_("overall rating"), validators=SCORE_VALIDATORS)
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness for one's work"), validators=SCORE_VALIDATORS
    )
    organisation = models.PositiveSmallIntegerField(_("organisation"), validators=SCORE_VALIDATORS)
    comment = models.TextField(_("comment"), max_length=COMMENT_MAX, blank=True)
    language = models.CharField(
        _("language of the answer"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    # A day, not a time: a time would match the answer to the registration's last change.
    submitted_on = models.DateField(_("answered on"), default=timezone.localdate)

    class Meta:
        verbose_name = _("event evaluation")
        verbose_name_plural = _("event evaluations")
        ordering = ["event", "submitted_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(**{f"{name}__gte": 1, f"{name}__lte": 5}),
                name=f"outreach_evaluation_{name}_1_to_5",
            )
            for name in SCORES
        ]

    def __str__(self):
        return f"{self.event} ({self.submitted_on})"
