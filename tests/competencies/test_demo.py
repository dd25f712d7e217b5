"""The demo data shows the framework's states and a consultation in both languages."""

import sys

import pytest

from accounts import demo as accounts_demo
from competencies import demo
from competencies.models import (
    Competency,
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
    JobPosition,
    Status,
)

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
