"""The demo data shows the framework's states, two endorsed versions and a consultation (the next
version) in both languages."""

import sys

import pytest

from accounts import demo as accounts_demo
from competencies import demo
from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
    FrameworkVersion,
    JobPosition,
    Status,
    VersionedPosition,
)
from competencies.selectors import position_changes

pytestmark = pytest.mark.django_db


def test_demo_data_has_endorsed_items_and_an_open_round_with_three_administrations(capsys):
    accounts_demo.load(stdout=sys.stdout)
    demo.load(stdout=sys.stdout)
    assert JobPosition.objects.endorsed().exists() and Competency.objects.endorsed().exists()
    assert JobPosition.objects.filter(status=Status.CONSULTATION).count() == 3
    (round,) = ConsultationRound.objects.open()
    comments = ConsultationComment.objects.filter(round=round)
    assert set(comments.values_list("administration__code", flat=True)) == {"AZ", "GE", "MD"}
    assert comments.filter(text__regex=r"[а-я]").exists()  # Russian
    assert comments.exclude(text__regex=r"[а-я]").exists()  # English
    assert comments.filter(resolved=True).exclude(reply_ru="").exists()
    assert comments.filter(level__isnull=False).exists()
    assert ConsultationResponse.objects.filter(round=round).count() == 2
    assert "A consultation round open until" in capsys.readouterr().out
    # Two meetings made versions 1 and 2; what the round consults on is the next one.
    assert list(FrameworkVersion.objects.values_list("number", flat=True)) == [2, 1]
    changes = position_changes("capacity-building-officer")
    assert changes.version.number == 2 and changes.version.endorsed_at_ru
    assert [row.competency.code for row in changes.added] == ["OP-03"]
    assert [row.competency.code for row in changes.removed] == ["OP-04"]
    assert [(c.requirement.competency.code, c.before) for c in changes.levels] == [("OP-02", 2)]
    assert [competency.code for competency in changes.competencies] == ["OP-01"]
    assert position_changes("training-coordinator").is_new
    assert not VersionedPosition.objects.filter(slug__in=demo.IN_CONSULTATION["positions"]).exists()
