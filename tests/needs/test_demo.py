import sys

import pytest

from accounts import demo as accounts_demo
from experts import demo as experts_demo
from needs import demo
from needs.models import Mission, NeedsRequest, NeedsRound, Status

pytestmark = pytest.mark.django_db


def test_demo_data_shows_every_state_in_both_languages(capsys):
    accounts_demo.load(stdout=sys.stdout)
    experts_demo.load(stdout=sys.stdout)  # for the missions
    demo.load(stdout=sys.stdout)
    needs = NeedsRequest.objects.listed()
    assert set(needs.values_list("status", flat=True)) == set(Status.values)
    assert needs.filter(title_ru="").exists()  # English only
    assert needs.filter(title_en="").exists()  # Russian only
    assert needs.exclude(title_en="").exclude(title_ru="").exists()  # both
    assert NeedsRequest.objects.filter(duplicate_of__isnull=False).count() == 1
    assert NeedsRequest.objects.filter(attachments__isnull=False).exists()
    assert NeedsRequest.objects.filter(notes__isnull=False).exists()
    answered = NeedsRequest.objects.get(round__isnull=False)
    assert answered.administration.code == "GE" and len(answered.answers) == 2
    assert NeedsRound.objects.count() == 2
    for need in NeedsRequest.objects.all():
        need.full_clean()
    # Missions: one evaluated by both sides (with its report), one awaiting them, one to come.
    missions = Mission.objects.all()
    evaluated = missions.filter(evaluations__isnull=False, report__gt="").distinct().get()
    assert evaluated.evaluations.count() == 2
    assert missions.filter(evaluations__isnull=True, evaluations_requested_at__isnull=False).count()
    assert missions.filter(evaluations_requested_at__isnull=True).count() == 1
    assert all(mission.administration == mission.need.administration for mission in missions)
    assert all(mission.provider != mission.administration for mission in missions)
    output = capsys.readouterr().out
    assert "one in each state" in output and "3 missions" in output
