"""Builders of needs requests and rounds for the tests, with sensible defaults."""

import datetime
from itertools import count

from django.utils import timezone

from experts.models import ExpertiseArea
from needs import services
from needs.models import NeedsRequest, NeedsRound, Status
from tests.experts.factories import pdf_upload
from workplan.models import Activity

_serial = count(1)


def make_round(**fields) -> NeedsRound:
    n = next(_serial)
    fields.setdefault("title_en", f"Call for needs {n}")
    fields.setdefault("title_ru", f"Сбор потребностей {n}")
    fields.setdefault("year", timezone.localdate().year)
    fields.setdefault("deadline", timezone.localdate() + datetime.timedelta(days=10))
    needs_round = NeedsRound(**fields)
    needs_round.title = needs_round.title_en
    needs_round.full_clean()
    needs_round.save()
    return needs_round


def make_need(
    *, submitted_by, areas=("risk-management",), attachments=(), round=None, answers=None, **details
) -> NeedsRequest:
    n = next(_serial)
    if "title_ru" not in details:
        details.setdefault("title_en", f"Need {n}")
    if "description_ru" not in details:
        details.setdefault("description_en", "Officers need training.")
    details.setdefault("priority", "high")
    details.setdefault("modality", "workshop")
    details.setdefault("officers", 20)
    return services.need_submit(
        submitted_by=submitted_by,
        details=details,
        areas=ExpertiseArea.objects.filter(slug__in=areas),
        attachments=attachments,
        round=round,
        answers=answers,
    )


def make_need_with_file(*, submitted_by, **details) -> NeedsRequest:
    return make_need(submitted_by=submitted_by, attachments=[pdf_upload("План.pdf")], **details)


def advance(need: NeedsRequest, status: str, *, by) -> NeedsRequest:
    """Move a request along the workflow to `status`, with what each step needs."""
    path = [Status.ANALYSIS, Status.FORWARDED, Status.PLANNED, Status.DELIVERED]
    if status == Status.DECLINED:
        return services.need_transition(
            need=need, status=status, by=by, decline_reason_en="Out of scope."
        )
    for step in path[: path.index(status) + 1]:
        need = services.need_transition(
            need=need,
            status=step,
            by=by,
            forwarded_on=timezone.localdate(),
            proposal_en="A regional workshop.",
            activity=Activity.objects.order_by("pk").first(),
        )
    return need
