"""Demo data for development: the demo member's self-assessment, and the WCO tools and courses
(if the outreach demo made any) linked to the competencies they help with."""

from itertools import cycle

from accounts.models import User
from competencies.models import Competency, JobPosition
from competencies.services import assessment_save
from outreach.models import Tool


def load(*, stdout) -> None:
    tools = list(Tool.objects.order_by("kind", "position", "pk"))
    competencies = list(Competency.objects.filter(family__code="operational"))
    if tools and competencies:
        for competency, tool in zip(competencies, cycle(tools), strict=False):
            competency.learning_resources.add(tool)
    member = User.objects.filter(email="member@customs.test").first()
    position = JobPosition.objects.filter(slug="capacity-building-officer").first()
    if member and position:
        levels = [2, 3, 1, 2, 2, 3, 0, 1, 2]
        ratings = {
            requirement.competency_id: min(level, requirement.level.number)
            for requirement, level in zip(
                position.requirements.select_related("level").order_by("competency__code"),
                cycle(levels),
                strict=False,
            )
        }
        assessment_save(owner=member, position=position, ratings=ratings)
        stdout.write(f"  {member.email} has a self-assessment against “{position.title}”.")
