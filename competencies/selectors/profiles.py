"""Reads of members' self-assessments against the profiles of the WCO customs qualifications
framework (a practitioner and a manager profile a level): what a member rates (each statement of
the profile's knowledge, skills, tasks and competencies, and whether they hold its certificate
or diploma), and what the result shows (how much of the profile they meet, aspect by aspect,
the statements still to develop, and the profiles to aim at next). Always through
`profile_assessments_of(user)`, so nobody reaches another member's."""

import re
from dataclasses import dataclass

from django.db.models import Case, Q, QuerySet, Value, When
from django.utils.translation import get_language, gettext

from competencies.models import ProfileAssessment, QualificationLevel, StatementRating
from competencies.models.text import fingerprint, lines

Aspect = StatementRating.Aspect
Extent = StatementRating.Extent
PROFILE_KEY = re.compile(r"^([1-8])-(practitioner|manager)$")


def profile_key(profile: QualificationLevel) -> str:
    """How a profile is named in a URL's query: "5-manager"."""
    return f"{profile.level}-{profile.track}"


def _track_order():
    return Case(
        *(
            When(track=track, then=Value(index))
            for index, track in enumerate(QualificationLevel.Track.values)
        )
    )


def profile_choices() -> list[tuple[str, list[tuple[str, str]]]]:
    """The profiles by level, practitioner first, as grouped choices for a select (one query)."""
    groups: dict[int, list[tuple[str, str]]] = {}
    for profile in QualificationLevel.objects.order_by("level", _track_order()):
        label = f"{profile.get_track_display()}: {profile.profile}"
        groups.setdefault(profile.level, []).append((profile_key(profile), label))
    return [(_level_label(level), choices) for level, choices in groups.items()]


def _level_label(level: int) -> str:
    return gettext("Level %(number)s") % {"number": level}


def profile_by_key(key: str) -> QualificationLevel | None:
    """The profile a key such as "4-practitioner" names, or None."""
    match = PROFILE_KEY.match(key or "")
    if not match:
        return None
    return QualificationLevel.objects.filter(level=match[1], track=match[2]).first()


def profile_assessments_of(user) -> QuerySet[ProfileAssessment]:
    """The user's own self-assessments against profiles: nobody else's are reachable."""
    return ProfileAssessment.objects.filter(owner=user).select_related("profile")


@dataclass(frozen=True)
class Statement:
    """One line of a profile's aspect, in the page's language, known by its English text."""

    aspect: str
    key: str
    text: str
    in_english: bool  # the Russian text is missing and the English one stands in

    @property
    def field_name(self) -> str:
        return f"{self.aspect}-{self.key}"


def profile_statements(profile: QualificationLevel) -> list[tuple[str, str, list[Statement]]]:
    """(aspect, its label, its statements) for each rated aspect, in the framework's order."""
    language = get_language() or "en"
    aspects = []
    for aspect, label in Aspect.choices:
        english = lines(getattr(profile, f"{aspect}_en"))
        shown = lines(getattr(profile, f"{aspect}_{language}", None)) if language != "en" else []
        # Lines pair up by position; a translation with another count of lines is not used.
        in_english = language != "en" and len(shown) != len(english)
        texts = english if language == "en" or in_english else shown
        statements = [
            Statement(aspect, fingerprint(aspect, line), text, in_english)
            for line, text in zip(english, texts, strict=True)
        ]
        if statements:
            aspects.append((aspect, label, statements))
    return aspects


@dataclass(frozen=True)
class RatedStatement:
    statement: Statement
    extent: int | None  # None: not rated (the office reworded it since)

    @property
    def label(self) -> str:
        return Extent(self.extent).label if self.extent is not None else ""


@dataclass(frozen=True)
class AspectResult:
    aspect: str
    label: str
    rows: list[RatedStatement]

    def _count(self, extent) -> int:
        return sum(1 for row in self.rows if row.extent == extent)

    @property
    def fully(self) -> int:
        return self._count(Extent.FULLY)

    @property
    def partly(self) -> int:
        return self._count(Extent.PARTLY)

    @property
    def not_yet(self) -> int:
        return self._count(Extent.NOT_YET)

    @property
    def unrated(self) -> int:
        return self._count(None)

    @property
    def percent(self) -> int:
        """How much of the aspect the member meets: fully counts whole, partly half."""
        points = 2 * self.fully + self.partly
        return round(100 * points / (2 * len(self.rows))) if self.rows else 0


@dataclass(frozen=True)
class ProfileResult:
    assessment: ProfileAssessment
    aspects: list[AspectResult]
    next_profiles: list[QualificationLevel]  # one level up in the same stream, the other stream

    @property
    def rows(self) -> list[RatedStatement]:
        return [row for aspect in self.aspects for row in aspect.rows]

    @property
    def gaps(self) -> list[tuple[str, RatedStatement]]:
        """(aspect label, statement) not yet met fully: "not yet" first, then "partly"."""
        found = [
            (aspect.label, row)
            for aspect in self.aspects
            for row in aspect.rows
            if row.extent is not None and row.extent < Extent.FULLY
        ]
        return sorted(found, key=lambda pair: pair[1].extent)

    @property
    def unrated(self) -> list[RatedStatement]:
        return [row for row in self.rows if row.extent is None]

    @property
    def fully(self) -> int:
        return sum(aspect.fully for aspect in self.aspects)

    @property
    def percent(self) -> int:
        rows = self.rows
        points = sum(2 * a.fully + a.partly for a in self.aspects)
        return round(100 * points / (2 * len(rows))) if rows else 0

    @property
    def meets(self) -> bool:
        """Every statement fully, and the certificate or diploma held."""
        rows = self.rows
        return bool(rows) and self.fully == len(rows) and self.assessment.holds_certificate


def profile_result(assessment: ProfileAssessment) -> ProfileResult:
    """The member's ratings against the profile's statements, aspect by aspect, the gaps, and
    the profiles to aim at next (two queries)."""
    profile = assessment.profile
    extents = {
        (aspect, key): extent
        for aspect, key, extent in assessment.ratings.values_list("aspect", "statement", "extent")
    }
    aspects = [
        AspectResult(
            aspect,
            label,
            [
                RatedStatement(statement, extents.get((aspect, statement.key)))
                for statement in statements
            ],
        )
        for aspect, label, statements in profile_statements(profile)
    ]
    others = QualificationLevel.objects.filter(
        Q(level=profile.level + 1, track=profile.track)
        | (Q(level=profile.level) & ~Q(track=profile.track))
    ).order_by("-level", _track_order())
    return ProfileResult(assessment=assessment, aspects=aspects, next_profiles=list(others))


def profile_rating_initial(assessment: ProfileAssessment) -> dict[str, int]:
    """{form field name: extent} of the member's current ratings."""
    return {
        f"{aspect}-{key}": extent
        for aspect, key, extent in assessment.ratings.values_list("aspect", "statement", "extent")
    }
