"""Writes to the work plan outside the admin's own forms: indicators, targets and actuals, the
review of a period's report, imports, demo data."""

import datetime
from collections.abc import Mapping
from decimal import Decimal

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop

from accounts.models import User
from administrations.models import Administration
from core import history
from library.models import Document
from workplan import report_files
from workplan.models import (
    Activity,
    Actual,
    ActualBreakdown,
    Indicator,
    Plan,
    ReportingPeriod,
    Target,
)
from workplan.models.results import check_period_open

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _set_translations(obj, field: str, texts: Mapping[str, str]) -> None:
    for language, text in texts.items():
        if language not in LANGUAGES:
            raise ValueError(f"Unknown language {language!r}")
        setattr(obj, f"{field}_{language}", text)


@transaction.atomic
def reporting_period_create(
    *, name: Mapping[str, str], starts_on: datetime.date, ends_on: datetime.date
) -> ReportingPeriod:
    """A new reporting period, named in each language given."""
    period = ReportingPeriod(starts_on=starts_on, ends_on=ends_on)
    _set_translations(period, "name", name)
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def indicator_create(
    *,
    activity: Activity,
    name: Mapping[str, str],
    measure: str = Indicator.Measure.NUMBER,
    unit: Mapping[str, str] | None = None,
    direction: str = Indicator.Direction.HIGHER,
    baseline_value: Decimal | int | None = None,
    baseline_year: int | None = None,
    end_target: Decimal | int | None = None,
    means_of_verification: Mapping[str, str] | None = None,
    counts_people: bool = False,
) -> Indicator:
    """A new indicator of the activity, after its last one."""
    last = activity.indicators.order_by("-position").values_list("position", flat=True).first()
    indicator = Indicator(
        activity=activity,
        position=(last or 0) + 1,
        measure=measure,
        direction=direction,
        baseline_value=baseline_value,
        baseline_year=baseline_year,
        end_target=end_target,
        counts_people=counts_people,
    )
    _set_translations(indicator, "name", name)
    _set_translations(indicator, "unit", unit or {})
    _set_translations(indicator, "means_of_verification", means_of_verification or {})
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def target_set(
    *,
    indicator: Indicator,
    period: ReportingPeriod,
    value: Decimal | int | None,
    notes: Mapping[str, str] | None = None,
) -> Target:
    """The indicator's target for the period: created, or changed while the period is open."""
    check_period_open(period.pk)
    target = Target.objects.filter(indicator=indicator, period=period).first() or Target(
        indicator=indicator, period=period
    )
    target.value = value
    _set_translations(target, "note", notes or {})
    target.full_clean()
    target.save()
    return target


@transaction.atomic
def actual_record(
    *,
    indicator: Indicator,
    period: ReportingPeriod,
    narratives: Mapping[str, str],
    value: Decimal | int | None,
    author: User | None,
    reported_on: datetime.date | None = None,
    evidence_url: str = "",
    evidence_document: Document | None = None,
) -> Actual:
    """The indicator's actual for the period: created, or updated in the languages given (the
    other language's narrative is kept). Refused while the period is approved."""
    check_period_open(period.pk)
    actual = Actual.objects.filter(indicator=indicator, period=period).first() or Actual(
        indicator=indicator, period=period
    )
    _set_translations(actual, "narrative", narratives)
    actual.value = value
    actual.author = author
    actual.reported_on = reported_on or timezone.localdate()
    actual.evidence_url = evidence_url
    actual.evidence_document = evidence_document
    actual.full_clean()
    actual.save()
    return actual


@transaction.atomic
def actual_breakdown_set(
    *, actual: Actual, rows: list[tuple[Administration | None, str, Decimal | int]]
) -> list[ActualBreakdown]:
    """The actual's breakdown, replaced by these (administration, sex, value) rows."""
    check_period_open(actual.period_id)
    actual.breakdown.all().delete()
    created = []
    for administration, sex, value in rows:
        row = ActualBreakdown(actual=actual, administration=administration, sex=sex, value=value)
        row.full_clean()
        row.save()
        created.append(row)
    return created


# The report of a period: draft (or returned) -> submitted -> approved; a reviewer may reopen
# an approved report. Each step is a version of the period in the edit history.

REVIEW_PERMISSION = "workplan.review_reportingperiod"
Status = ReportingPeriod.ReportStatus


def _check_reviewer(by: User) -> None:
    if not by.has_perm(REVIEW_PERMISSION):
        raise PermissionDenied(gettext("Only a reviewer can approve, return or reopen a report."))


def _move(
    period: ReportingPeriod,
    *,
    to: str,
    allowed_from: tuple[str, ...],
    by: User,
    comment: str,
    **changes,
) -> ReportingPeriod:
    period = ReportingPeriod.objects.select_for_update().get(pk=period.pk)
    if period.report_status not in allowed_from:
        raise ValidationError(
            gettext("The report is “%(status)s”: this step does not apply to it.")
            % {"status": period.get_report_status_display()},
            code="wrong_status",
        )
    with reversion.create_revision():
        reversion.set_user(by)
        reversion.set_comment(comment)
        period.report_status = to
        for name, value in changes.items():
            setattr(period, name, value)
        period.full_clean()
        period.save()
    return period


@transaction.atomic
def period_report_submit(*, period: ReportingPeriod, by: User) -> ReportingPeriod:
    """The period's figures and narratives are ready for a reviewer."""
    return _move(
        period,
        to=Status.SUBMITTED,
        allowed_from=(Status.DRAFT, Status.RETURNED),
        by=by,
        comment=history.note_encode(gettext_noop("Report submitted for review")),
        submitted_on=timezone.now(),
    )


@transaction.atomic
def period_report_approve(*, period: ReportingPeriod, by: User) -> ReportingPeriod:
    """A reviewer approves the submitted report: its figures become public, and locked, and its
    PDF is drawn in the background."""
    _check_reviewer(by)
    period = _move(
        period,
        to=Status.APPROVED,
        allowed_from=(Status.SUBMITTED,),
        by=by,
        comment=history.note_encode(gettext_noop("Report approved")),
        reviewed_by=by,
        reviewed_on=timezone.now(),
        review_comment="",
    )
    report_files.report_files_refresh(period=period)  # its PDF, drawn in the background
    return period


@transaction.atomic
def period_report_return(*, period: ReportingPeriod, by: User, comment: str) -> ReportingPeriod:
    """A reviewer sends the submitted report back, saying what to change."""
    _check_reviewer(by)
    if not comment.strip():
        raise ValidationError(gettext("Say what should change before returning the report."))
    return _move(
        period,
        to=Status.RETURNED,
        allowed_from=(Status.SUBMITTED,),
        by=by,
        comment=history.note_encode(
            gettext_noop("Report returned: %(comment)s"), comment=comment.strip()
        ),
        reviewed_by=by,
        reviewed_on=timezone.now(),
        review_comment=comment.strip(),
    )


@transaction.atomic
def period_report_reopen(*, period: ReportingPeriod, by: User, comment: str) -> ReportingPeriod:
    """A reviewer unlocks an approved report for a change; its figures (and its PDF) leave the
    public pages until it is approved again."""
    _check_reviewer(by)
    if not comment.strip():
        raise ValidationError(gettext("Say why the report is reopened."))
    period = _move(
        period,
        to=Status.DRAFT,
        allowed_from=(Status.APPROVED,),
        by=by,
        comment=history.note_encode(
            gettext_noop("Report reopened: %(comment)s"), comment=comment.strip()
        ),
        reviewed_by=by,
        reviewed_on=timezone.now(),
        review_comment=comment.strip(),
    )
    report_files.report_files_refresh(period=period)  # its PDF files, now stale, deleted
    return period


@transaction.atomic
def plan_make_current(*, plan: Plan, by: User) -> Plan:
    """Show this plan on the public pages instead of the one shown until now; the history of
    both plans says who did it."""
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Shown on the public pages"))
        for shown in Plan.objects.filter(is_current=True).exclude(pk=plan.pk):
            shown.is_current = False
            shown.save(update_fields=["is_current"])
        plan.is_current = True
        plan.full_clean()
        plan.save(update_fields=["is_current"])
    return plan


@transaction.atomic
def plan_strategic_framework_set(*, plan: Plan, document: Document | None, by: User | None) -> Plan:
    """The plan's Strategic Framework Document, which the Work Plan page links: a public library
    document, or none."""
    with reversion.create_revision():
        if by is not None:
            reversion.set_user(by)
        reversion.set_comment(gettext("Strategic Framework Document changed"))
        plan.strategic_framework = document
        plan.full_clean()
        plan.save(update_fields=["strategic_framework"])
    return plan


@transaction.atomic
def actual_compute(
    *,
    indicator: Indicator,
    period: ReportingPeriod,
    counts: Mapping[int | None, int],
    computed_at: datetime.datetime,
    by_sex: Mapping[str, int] | None = None,
) -> Actual | None:
    """A computed indicator's actual for the period, from counts per administration (None: not
    of one): the total, its breakdown (by sex too, from `by_sex`, where the indicator counts
    people) and the time of the calculation. An approved period keeps the figures it was
    approved with (None is returned)."""
    if period.is_locked:
        return None
    actual = Actual.objects.filter(indicator=indicator, period=period).first() or Actual(
        indicator=indicator, period=period
    )
    actual.value = sum(counts.values())
    actual.author = None
    actual.computed_at = computed_at
    actual.reported_on = timezone.localdate(computed_at)
    actual.full_clean()
    actual.save()
    actual.breakdown.all().delete()
    ActualBreakdown.objects.bulk_create(
        ActualBreakdown(actual=actual, administration_id=administration_id, value=count)
        for administration_id, count in sorted(counts.items(), key=lambda item: item[0] or 0)
        if administration_id is not None and count
    )
    if by_sex and indicator.counts_people:
        ActualBreakdown.objects.bulk_create(
            ActualBreakdown(actual=actual, sex=sex, value=count)
            for sex, count in sorted(by_sex.items())
            if count
        )
    return actual
