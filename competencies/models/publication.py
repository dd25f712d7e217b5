"""Where a position or a competency stands: a draft, in the members' consultation, endorsed (on a
date, by a meeting) or withdrawn. Only endorsed items are the office's framework: the public
pages, the sitemap, the site search and the members' tools read them alone."""

from django.db import models
from django.db.models import F, Q, Value
from django.db.models.functions import Coalesce
from django.db.models.lookups import GreaterThan
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    CONSULTATION = "consultation", _("In consultation")
    ENDORSED = "endorsed", _("Endorsed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def _has_text(column: str) -> GreaterThan:
    """For a constraint: the column holds text (a language column may be NULL or empty)."""
    return GreaterThan(Coalesce(F(column), Value(""), output_field=models.TextField()), Value(""))


class PublishedQuerySet(models.QuerySet):
    def endorsed(self):
        """What the public sees: the endorsed items only."""
        return self.filter(status=Status.ENDORSED)

    def in_consultation(self):
        return self.filter(status=Status.CONSULTATION)


class Publication:
    """The publication columns and rules shared by positions and competencies."""

    @staticmethod
    def status_field():
        return models.CharField(
            _("publication status"),
            max_length=12,
            choices=Status.choices,
            default=Status.DRAFT,
            db_index=True,
            help_text=_(
                "Only endorsed items are published. Items in consultation are open to the "
                "members' comments while a consultation round runs."
            ),
        )

    @staticmethod
    def endorsed_on_field():
        return models.DateField(
            _("endorsed on"),
            null=True,
            blank=True,
            help_text=_("The date of the meeting that endorsed it."),
        )

    @staticmethod
    def endorsed_at_field():
        return models.CharField(
            _("endorsed by the meeting"),
            max_length=200,
            blank=True,
            help_text=_("E.g. “WCO Europe Region Heads of Customs Meeting, Baku”."),
        )

    @staticmethod
    def constraints(name: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name=f"competencies_{name}_status_known"
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.ENDORSED)
                | (
                    Q(endorsed_on__isnull=False)
                    & (_has_text("endorsed_at_en") | _has_text("endorsed_at_ru"))
                ),
                name=f"competencies_{name}_endorsed_has_date_and_meeting",
                violation_error_message=_(
                    "An endorsed item has the date and the meeting that endorsed it."
                ),
            ),
        ]
