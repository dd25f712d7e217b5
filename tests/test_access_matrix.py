"""Who may open what: every URL of the portal, found by walking the URL configuration.

Every members-only page, export and file download is in MATRIX and is tried as an anonymous
visitor (sent to log in), as users who may not see it (a member of another administration, or a
logged-in user outside the member administrations: 403, or 404 where the object concerns one
administration) and as the user it is for (200). Every other URL is in PUBLIC and is tried as an
anonymous visitor. A URL that is in neither fails `test_every_url_is_in_the_matrix`, so a new
page cannot go out without its access rule being tested here. The admin's URLs are walked too.
"""

import datetime
import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import quote, urlencode

import pytest
from django.contrib.admin import site as admin_site
from django.contrib.auth.models import Permission
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from import_export.admin import ExportMixin, ImportMixin

from administrations.access import FocalPointRequiredMixin
from administrations.models import AccessLogEntry, AccountRequest
from administrations.services import record_access
from competencies.models import QualificationLevel
from competencies.selectors import profile_statements
from competencies.services import assessment_save, framework_endorse, profile_assessment_save
from contacts.models import ContactPoint
from experts.models import Expert, Nomination
from experts.tokens import record_token
from library.models import Document
from needs import services as needs_services
from needs.models import Mission, NeedsRequest
from tests.administrations.factories import make_account_request
from tests.competencies.factories import (
    make_comment,
    make_competency,
    make_consultation_round,
    make_position,
)
from tests.contacts.builders import make_contact
from tests.experts.factories import make_expert, make_nomination, pdf_upload
from tests.factories import make_user
from tests.library.factories import make_document
from tests.needs.factories import make_need_with_file
from tests.outreach.factories import (
    make_event,
    make_meeting_document,
    make_news,
    make_registration,
    make_registration_settings,
)

pytestmark = pytest.mark.django_db


def staff_holding(*permissions: str):
    """An office staff user with these permissions ("app.codename") and no other."""
    user = make_user(email=f"staff-{len(permissions)}-{permissions[0]}@rocb.test", is_staff=True)
    for permission in permissions:
        app_label, codename = permission.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


class World:
    """The objects URL arguments need, each built on first use with the apps' factories."""

    def __init__(self, request):
        self.request = request

    def user(self, name: str):
        if name.startswith("staff_with:"):
            return staff_holding(name.removeprefix("staff_with:"))
        if name == "participant":
            return self.participant
        return self.request.getfixturevalue(name)

    @cached_property
    def participant(self):
        """A member of Azerbaijan's administration with a confirmed seat at the members' event
        (see `meeting_documents`)."""
        return make_user(email="participant@customs.az", administration=self.user("azerbaijan"))

    @cached_property
    def expert(self):
        """An expert of Azerbaijan's administration, with a CV."""
        expert = make_expert(administration=self.user("azerbaijan"))
        expert.cv.save("cv.pdf", pdf_upload(), save=False)
        expert.cv_name = "Резюме эксперта.pdf"
        expert.save()
        return expert

    @cached_property
    def nomination(self):
        """A nomination by Azerbaijan's focal point (with its CV)."""
        return make_nomination(nominated_by=self.user("focal_point"))

    @cached_property
    def account_request(self):
        """A pending request for an account of Azerbaijan's administration."""
        return make_account_request(administration=self.user("azerbaijan"))

    @cached_property
    def colleague(self):
        """Another user of Azerbaijan's administration, whom its focal point may deactivate."""
        return make_user(email="colleague@customs.az", administration=self.user("azerbaijan"))

    @cached_property
    def invited_colleague(self):
        """A user of Azerbaijan's administration who has not chosen a password yet."""
        return make_user(
            email="invited@customs.az", password=None, administration=self.user("azerbaijan")
        )

    @cached_property
    def need(self):
        """A request of Azerbaijan's administration, with an attachment."""
        return make_need_with_file(submitted_by=self.user("focal_point"))

    @cached_property
    def mission(self):
        """A mission of Georgia's expert for Azerbaijan's request, with the expert's report."""
        georgian = make_expert(administration=self.user("georgia"))
        return needs_services.mission_create(
            need=self.need,
            expert=georgian,
            start_date=datetime.date(2026, 3, 2),
            end_date=datetime.date(2026, 3, 6),
            report=pdf_upload("Отчёт.pdf"),
            by=make_user(email="recorder@rocb.test", is_staff=True, is_superuser=True),
        )

    @cached_property
    def contact(self):
        return make_contact(self.user("azerbaijan"))

    @cached_property
    def members_document(self):
        return make_document(visibility=Document.Visibility.MEMBERS)

    @cached_property
    def public_document(self):
        return make_document(visibility=Document.Visibility.PUBLIC)

    @cached_property
    def members_event(self):
        """An event open for registration by the member administrations' users."""
        return make_registration_settings().event

    @cached_property
    def meeting_documents(self):
        """A members' event whose documents are public, for members, and for its participants
        (of whom `participant` is one)."""
        event = self.members_event
        participant = self.user("participant")
        make_registration(event.registration, user=participant, email=participant.email)
        return {
            visibility: make_meeting_document(event, visibility=visibility, languages=("ru",))
            for visibility in ("public", "members", "participants")
        }

    def meeting_document(self, visibility: str) -> list:
        document = self.meeting_documents[visibility]
        return [document.event.slug, document.pk, "ru"]

    @cached_property
    def assessment(self):
        """The member's own self-assessment."""
        competencies = [make_competency() for _ in range(2)]
        position = make_position(requires=dict.fromkeys(competencies, 2))
        return assessment_save(
            owner=self.user("member"),
            position=position,
            ratings={competency.pk: 1 for competency in competencies},
        )

    @cached_property
    def profile_assessment(self):
        """The member's own self-assessment against a qualifications profile."""
        profile = QualificationLevel.objects.get(level=4, track="practitioner")
        ratings = {
            (aspect, statement.key): 1
            for aspect, _label, statements in profile_statements(profile)
            for statement in statements
        }
        return profile_assessment_save(
            owner=self.user("member"), profile=profile, holds_certificate=True, ratings=ratings
        )

    @cached_property
    def framework_version(self):
        """Version 1 of the framework, holding one endorsed position."""
        make_position(slug="versioned-position")
        return framework_endorse(
            endorsed_on=datetime.date(2026, 5, 20),
            endorsed_at_en="Heads of Customs Meeting",
            by=make_user(email="endorser@rocb.test", is_staff=True),
        )

    @cached_property
    def consultation_round(self):
        """An open round on a draft position and a draft competency."""
        return make_consultation_round(
            positions=[make_position(status="draft")],
            competencies=[make_competency(status="draft")],
        )

    @cached_property
    def consultation_comment(self):
        """A comment by the member of Azerbaijan's administration."""
        round = self.consultation_round
        return make_comment(round=round, author=self.user("member"), position=round.positions.get())


@dataclass(frozen=True)
class Rule:
    """Access to one members-only URL: who is refused with which status, who gets in."""

    refused: tuple[tuple[str, int], ...]
    allowed: tuple[str, int]
    args: object = lambda world: []  # World -> URL arguments
    query: object = lambda world: {}  # World -> query string
    method: str = "get"


def az(world):
    return ["az"]


MEMBERS = Rule(refused=(("outsider", 403),), allowed=("member", 200))
# Pages a focal point uses for their own administration (the administration comes from the user).
FOCAL_POINT = Rule(refused=(("member", 403), ("outsider", 403)), allowed=("focal_point", 200))
# Pages of any staff user, whatever their permissions (their own second factor).
STAFF = Rule(refused=(("member", 403), ("focal_point", 403)), allowed=("clerk", 200))


# Office staff's views in the members area need the permission the admin asks for the same data:
# being staff is not enough.
def staff_with(permission: str, **rule) -> Rule:
    return Rule(
        refused=(("member", 403), ("focal_point", 403), ("clerk", 403)),
        allowed=(f"staff_with:{permission}", 200),
        **rule,
    )


def focal_point_of_az(*, args, status=200, method="get"):
    """Pages about Azerbaijan's administration that only its focal point may use."""
    return Rule(
        refused=(("other_focal_point", 403), ("member", 403)),
        allowed=("focal_point", status),
        args=args,
        method=method,
    )


def own_administrations_need(*, args):
    """A request, and its files, for its administration's members (and office staff)."""
    return Rule(
        # Another administration's requests are not even acknowledged.
        refused=(("other_member", 404), ("other_focal_point", 404), ("outsider", 403)),
        allowed=("member", 200),
        args=args,
    )


def own_assessment(status=200):
    return Rule(
        refused=(("other_member", 404), ("outsider", 403)),
        allowed=("member", status),
        args=lambda world: [world.assessment.pk],
    )


def own_profile_assessment(status=200):
    return Rule(
        refused=(("other_member", 404), ("outsider", 403)),
        allowed=("member", status),
        args=lambda world: [world.profile_assessment.pk],
    )


def own_administrations(*, args, status=302, method="post"):
    """A request or user of Azerbaijan's administration, acted on by its focal point; another
    administration's focal point does not even learn that it exists; staff use the admin."""
    return Rule(
        refused=(("other_focal_point", 404), ("member", 403), ("outsider", 403), ("staff", 403)),
        allowed=("focal_point", status),
        args=args,
        method=method,
    )


MATRIX: dict[str, Rule] = {
    "members:home": MEMBERS,
    # Country pages: every member reads every administration's (its requests' texts only its own).
    "members:country": Rule(
        refused=(("outsider", 403),), allowed=("other_focal_point", 200), args=az
    ),
    # The staff's second factor (the QR code carries the secret of the app being added).
    "accounts:second_factor": STAFF,
    "accounts:second_factor_qr": STAFF,
    # Membership: the focal point decides requests and (de)activates their administration's users.
    "administrations:users": Rule(
        refused=(("member", 403), ("outsider", 403), ("staff", 302)),  # staff: to the admin
        allowed=("focal_point", 200),
    ),
    "administrations:request_approve": own_administrations(
        args=lambda world: [world.account_request.pk]
    ),
    "administrations:request_decline": own_administrations(
        args=lambda world: [world.account_request.pk], status=200, method="get"
    ),
    "administrations:user_deactivate": own_administrations(args=lambda world: [world.colleague.pk]),
    "administrations:user_reactivate": own_administrations(args=lambda world: [world.colleague.pk]),
    "administrations:user_invite": own_administrations(
        args=lambda world: [world.invited_colleague.pk]
    ),
    # National Contact Points: every member reads every administration's page and exports.
    "contacts:directory": MEMBERS,
    "contacts:export_csv": MEMBERS,
    "contacts:export_xlsx": MEMBERS,
    "contacts:export_vcf": MEMBERS,
    "contacts:administration": Rule(refused=(("outsider", 403),), allowed=("member", 200), args=az),
    "contacts:add": focal_point_of_az(args=az),
    "contacts:edit": focal_point_of_az(args=lambda world: ["az", world.contact.pk]),
    "contacts:delete": focal_point_of_az(args=lambda world: ["az", world.contact.pk]),
    "contacts:confirm": focal_point_of_az(args=az, status=302, method="post"),
    # Regional Experts Database: records and CVs for every member; exports for office staff.
    "experts:list": MEMBERS,
    "experts:detail": Rule(
        refused=(("outsider", 403),),
        allowed=("other_focal_point", 200),
        args=lambda world: [world.expert.pk],
    ),
    "experts:cv": Rule(
        refused=(("outsider", 403),),
        allowed=("other_focal_point", 200),
        args=lambda world: [world.expert.pk],
    ),
    "experts:export_csv": staff_with("experts.view_expert"),
    "experts:export_xlsx": staff_with("experts.view_expert"),
    "experts:confirm": focal_point_of_az(
        args=lambda world: [world.expert.pk], status=302, method="post"
    ),
    "experts:update": focal_point_of_az(args=lambda world: [world.expert.pk]),
    "experts:stale": FOCAL_POINT,
    "experts:nominate": FOCAL_POINT,
    "experts:nominations": FOCAL_POINT,
    "experts:nomination_cv": Rule(
        # Another administration's nominations are not even acknowledged; staff without the
        # admin's permission to see nominations are refused as the admin refuses them.
        refused=(("other_focal_point", 404), ("member", 404), ("outsider", 403), ("clerk", 403)),
        allowed=("focal_point", 200),
        args=lambda world: [world.nomination.pk],
    ),
    # A pending nomination: corrected or withdrawn by its administration's focal point only.
    "experts:nomination_correct": own_administrations(
        args=lambda world: [world.nomination.pk], status=200, method="get"
    ),
    "experts:nomination_withdraw": own_administrations(
        args=lambda world: [world.nomination.pk], status=200, method="get"
    ),
    "experts:nomination_cv__staff": Rule(
        refused=(("clerk", 403),),
        allowed=("staff_with:experts.view_nomination", 200),
        args=lambda world: [world.nomination.pk],
    ),
    # Translated materials: members' documents and their files.
    "library:material_list": MEMBERS,
    "library:material_detail": Rule(
        refused=(("outsider", 403),),
        allowed=("member", 200),
        args=lambda world: [world.members_document.pk],
    ),
    "library:material_download": Rule(
        refused=(("outsider", 403),),
        allowed=("member", 200),
        args=lambda world: [world.members_document.pk, "ru"],
    ),
    # Capacity-building needs: an administration's own; sent by its focal point.
    "needs:list": MEMBERS,
    "needs:new": FOCAL_POINT,
    "needs:analysis": staff_with("needs.view_needsrequest"),
    "needs:analysis_csv": staff_with("needs.view_needsrequest"),
    "needs:analysis_xlsx": staff_with("needs.view_needsrequest"),
    "needs:detail": own_administrations_need(args=lambda world: [world.need.pk]),
    "needs:attachment": own_administrations_need(
        args=lambda world: [world.need.pk, world.need.attachments.get().pk]
    ),
    # Missions: recorded by staff who may add them (from the ranking: the expert in the query).
    "needs:mission_new": staff_with(
        "needs.add_mission",
        args=lambda world: [world.need.pk],
        query=lambda world: {"expert": world.expert.pk},
    ),
    "needs:mission_report": own_administrations_need(
        args=lambda world: [world.need.pk, world.mission.pk]
    ),
    # The Work Plan's budget: the same for every member administration, its focal points and
    # office staff (no permission needed: it shows what the members fund); the public pages
    # show yearly totals only.
    **{
        f"workplan:{name}{variant}": Rule(refused=(("outsider", 403),), allowed=(who, 200))
        for name in ("budget", "budget_csv", "budget_xlsx")
        for variant, who in (
            ("", "member"),
            ("__other_administration", "other_focal_point"),
            ("__staff", "clerk"),
        )
    },
    # Self-assessments: each member's own.
    "competencies:assessment_list": MEMBERS,
    "competencies:assessment_start": Rule(
        refused=(("outsider", 403),),
        allowed=("other_member", 200),
        query=lambda world: {"position": world.assessment.position.slug},
    ),
    "competencies:assessment_detail": own_assessment(),
    "competencies:assessment_edit": own_assessment(),
    "competencies:assessment_delete": own_assessment(),
    # Self-assessments against the qualifications framework's profiles: each member's own.
    "competencies:profile_assessment_start": Rule(
        refused=(("outsider", 403),),
        allowed=("other_member", 200),
        query=lambda world: {"profile": "5-manager"},
    ),
    "competencies:profile_assessment_detail": own_profile_assessment(),
    "competencies:profile_assessment_edit": own_profile_assessment(),
    "competencies:profile_assessment_delete": own_profile_assessment(),
    # Meetings: a members' event's registration (a public event's is open to anyone, as
    # tests/outreach/test_meetings.py shows); a focal point nominates on the same page.
    "outreach:event_register": Rule(
        refused=(("outsider", 403),),
        allowed=("member", 200),
        args=lambda world: [world.members_event.slug],
    ),
    "outreach:participants": Rule(
        refused=(("outsider", 403),),
        allowed=("other_member", 200),
        args=lambda world: [world.members_event.slug],
    ),
    "outreach:event_register__focal_point": Rule(
        refused=(("outsider", 403),),
        allowed=("other_focal_point", 200),
        args=lambda world: [world.members_event.slug],
    ),
    # Meeting documents: members' ones for members, participants' ones for the event's
    # participants and staff who may view the library (anyone else: as if there were none).
    "outreach:meeting_material": Rule(
        refused=(("outsider", 404),),
        allowed=("other_member", 200),
        args=lambda world: world.meeting_document("members"),
    ),
    "outreach:meeting_material__participants": Rule(
        refused=(("member", 404), ("outsider", 404), ("clerk", 404)),
        allowed=("participant", 200),
        args=lambda world: world.meeting_document("participants"),
    ),
    "outreach:meeting_material__staff": Rule(
        refused=(("clerk", 404),),
        allowed=("staff_with:library.view_document", 200),
        args=lambda world: world.meeting_document("participants"),
    ),
    # The members' consultation on the draft framework: every member reads and comments; a
    # focal point gives the administration's position; a comment is its administration's own.
    "competencies:consultation": MEMBERS,
    "competencies:consultation_round": Rule(
        refused=(("outsider", 403),),
        allowed=("other_member", 200),
        args=lambda world: [world.consultation_round.pk],
    ),
    "competencies:consultation_position": Rule(
        refused=(("outsider", 403),),
        allowed=("other_member", 200),
        args=lambda world: [
            world.consultation_round.pk,
            world.consultation_round.positions.get().slug,
        ],
    ),
    "competencies:consultation_competency": Rule(
        refused=(("outsider", 403),),
        allowed=("other_member", 200),
        args=lambda world: [
            world.consultation_round.pk,
            world.consultation_round.competencies.get().code,
        ],
    ),
    "competencies:consultation_response": Rule(
        refused=(("member", 403), ("outsider", 403), ("clerk", 403)),
        allowed=("focal_point", 200),
        args=lambda world: [world.consultation_round.pk],
    ),
    "competencies:consultation_comment_edit": Rule(
        # Another administration's members may read the comment, never change it.
        refused=(("other_member", 403), ("other_focal_point", 403), ("outsider", 403)),
        allowed=("member", 200),
        args=lambda world: [world.consultation_comment.pk],
    ),
    "competencies:consultation_comment_edit__post": Rule(
        refused=(("other_member", 403), ("other_focal_point", 403), ("clerk", 403)),
        allowed=("member", 200),  # an empty post: the form says what is missing
        args=lambda world: [world.consultation_comment.pk],
        method="post",
    ),
}

# Everything else, with what an anonymous visitor gets.
PUBLIC: dict[str, tuple[object, int]] = {
    "healthz": (lambda world: [], 200),
    "sitemap": (lambda world: [], 200),
    "sitemap_section": (lambda world: ["home"], 200),
    "robots_txt": (lambda world: [], 200),
    "home": (lambda world: [], 200),
    "search": (lambda world: [], 200),
    "accounts:login": (lambda world: [], 200),
    "accounts:logout": (lambda world: [], 405),  # POST only
    "accounts:password_reset": (lambda world: [], 200),
    "accounts:password_reset_done": (lambda world: [], 200),
    "accounts:password_reset_confirm": (lambda world: ["MQ", "no-such-token"], 200),
    "accounts:password_reset_complete": (lambda world: [], 200),
    "administrations:account_request": (lambda world: [], 200),
    "administrations:account_request_sent": (lambda world: [], 200),
    "administrations:invitation": (lambda world: ["MQ", "no-such-token"], 200),
    # A mission's evaluation, by a signed link from a mail (no login): a made-up one is refused.
    "needs:evaluate": (lambda world: ["no-such-token"], 400),
    "contacts:training_centres": (lambda world: [], 200),
    # The expert's own record: no account, its signed link is the key (tests/experts/test_record.py
    # tries expired, tampered and withdrawn links).
    "experts:record": (lambda world: [record_token(world.expert)], 200),
    "experts:record_withdrawn": (lambda world: [], 200),
    "library:document_list": (lambda world: [], 200),
    "library:document_detail": (lambda world: [world.public_document.pk], 200),
    "library:document_download": (lambda world: [world.public_document.pk, "en"], 200),
    "workplan:plan": (lambda world: [], 200),
    "workplan:activity": (lambda world: ["1.1"], 200),
    "workplan:progress": (lambda world: [], 200),
    "workplan:export_csv": (lambda world: [], 200),
    "workplan:export_xlsx": (lambda world: [], 200),
    "workplan:logframe": (lambda world: [], 200),
    "workplan:logframe_csv": (lambda world: [], 200),
    "workplan:logframe_xlsx": (lambda world: [], 200),
    "workplan_iati": (lambda world: [], 200),
    "workplan:report": (lambda world: ["2020"], 200),  # the seed's period, approved
    # An unknown period (WeasyPrint is slow: tests/workplan/test_report.py draws a real one).
    "workplan:report_pdf": (lambda world: ["1999"], 404),
    "outreach:news_list": (lambda world: [], 200),
    "outreach:news_feed": (lambda world: [], 200),
    "outreach:news_atom_feed": (lambda world: [], 200),
    "outreach:news_detail": (lambda world: [make_news().slug], 200),
    "outreach:event_list": (lambda world: [], 200),
    "outreach:event_detail": (lambda world: [make_event().slug], 200),
    "outreach:event_calendar": (lambda world: [make_event().slug], 200),
    # A public meeting document's file (tests/outreach/test_meeting_documents.py: nothing else
    # is served there).
    "outreach:meeting_document": (lambda world: world.meeting_document("public"), 200),
    "outreach:events_calendar": (lambda world: [], 200),
    "outreach:seat_offer": (lambda world: ["no-such-token"], 200),
    # An event's evaluation, by a signed link mailed after it (no login): a made-up one is refused
    # (tests/outreach/test_attendance.py tries valid, used, expired and tampered links).
    "outreach:event_evaluate": (lambda world: ["no-such-token"], 400),
    "outreach:tool_list": (lambda world: [], 200),
    "competencies:overview": (lambda world: [], 200),
    "competencies:position_list": (lambda world: [], 200),
    "competencies:position_detail": (lambda world: [make_position().slug], 200),
    "competencies:dictionary": (lambda world: [], 200),
    "competencies:competency_detail": (lambda world: [make_competency().code], 200),
    "competencies:qualifications": (lambda world: [], 200),
    "competencies:compare": (lambda world: [], 200),
    "competencies:version_list": (lambda world: [], 200),
    "competencies:version_detail": (lambda world: [world.framework_version.number], 200),
    "competencies:version_position": (
        lambda world: [world.framework_version.number, "versioned-position"],
        200,
    ),
}


def walk(resolver=None, prefix="", namespace=""):
    """(name, route) of every URL pattern outside the admin."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, prefix + str(pattern.pattern), space)
        elif isinstance(pattern, URLPattern):
            yield f"{namespace}{pattern.name}", prefix + str(pattern.pattern)


@pytest.fixture
def other_member(georgia):
    """A member of another administration (Georgia), not a focal point."""
    return make_user(email="member@customs.ge", administration=georgia)


@pytest.fixture
def clerk(db):
    """Office staff without any permission: the admin shows them nothing."""
    return make_user(email="clerk@rocb.test", is_staff=True)


@pytest.fixture
def world(request):
    return World(request)


def fetch(client, method: str, path: str):
    response = getattr(client, method)(path)
    if response.streaming:
        b"".join(response.streaming_content)  # which closes a download's file
    return response


def url_of(name: str, rule: Rule, world: World) -> str:
    path = reverse(name.split("__")[0], args=rule.args(world))
    query = rule.query(world)
    return f"{path}?{urlencode(query)}" if query else path


def test_every_url_is_in_the_matrix():
    names = {name for name, _route in walk()}
    assert "None" not in {name.rsplit(":", 1)[-1] for name in names}, "an unnamed URL"
    matrix = {name.split("__")[0] for name in MATRIX}  # name__variant: a second rule for one URL
    assert not matrix & set(PUBLIC)
    assert names - matrix - set(PUBLIC) == set(), "new URLs: add them to MATRIX or PUBLIC"
    assert matrix | set(PUBLIC) <= names, "the matrix names URLs that no longer exist"


def test_everything_under_members_is_in_the_matrix():
    members = {name for name, route in walk() if re.match(r"^(\^)?(en|ru)/members/", route)}
    assert members and members <= {name.split("__")[0] for name in MATRIX}


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_anonymous_visitors_are_sent_to_log_in(client, world, name):
    rule = MATRIX[name]
    for language in ("en", "ru"):
        url = url_of(name, rule, world).replace("/en/", f"/{language}/", 1)
        response = fetch(client, rule.method, url)
        assert response.status_code == 302, url
        assert response["Location"] == f"/{language}/accounts/login/?next={quote(url)}"


@pytest.mark.parametrize(
    ("name", "who"),
    [(name, who) for name, rule in sorted(MATRIX.items()) for who, _status in rule.refused],
)
def test_users_it_is_not_for_are_refused(client, world, other_member, name, who):
    rule = MATRIX[name]
    expected = dict(rule.refused)[who]
    url = url_of(name, rule, world)
    client.force_login(world.user(who))
    response = fetch(client, rule.method, url)
    assert response.status_code == expected, url
    assert "Content-Disposition" not in response


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_the_user_it_is_for_gets_in(client, world, other_member, name):
    rule = MATRIX[name]
    who, expected = rule.allowed
    url = url_of(name, rule, world)
    client.force_login(world.user(who))
    response = fetch(client, rule.method, url)
    assert response.status_code == expected, url
    if expected == 200:
        # Personal data and members' files are never kept by a browser or proxy cache.
        assert "no-store" in response["Cache-Control"], url


@pytest.mark.parametrize(
    "name", ["needs:list", "needs:detail", "needs:attachment", "needs:mission_report"]
)
def test_office_staff_read_every_administrations_needs(staff_client, world, name):
    response = fetch(staff_client, "get", url_of(name, MATRIX[name], world))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", ["member", "focal_point", "clerk"])
def test_only_staff_who_may_add_missions_record_one(client, world, who):
    url = url_of("needs:mission_new", MATRIX["needs:mission_new"], world)
    client.force_login(world.user(who))
    response = client.post(url, {"start_date": "2026-03-02", "end_date": "2026-03-04"})
    assert response.status_code == 403
    assert not Mission.objects.exists()


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_public_urls_are_public(client, world, name):
    args, expected = PUBLIC[name]
    response = fetch(client, "get", reverse(name, args=args(world)))
    assert response.status_code == expected, name


# Files that are not for everyone ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("visibility", "who", "path", "expected"),
    [
        ("members", None, "documents", 404),
        ("staff", None, "documents", 404),
        ("staff", "member", "members/materials", 404),
        ("staff", "staff", "members/materials", 404),  # staff use the admin for the archive
    ],
)
def test_documents_are_served_only_where_their_visibility_allows(
    client, request, visibility, who, path, expected
):
    document = make_document(visibility=visibility)
    if who:
        client.force_login(request.getfixturevalue(who))
    response = fetch(client, "get", f"/en/{path}/{document.pk}/download/en/")
    assert response.status_code == expected


# The admin ---------------------------------------------------------------------------------------

SAMPLE_ARGUMENTS = {
    "object_id": "1",
    "pk": "1",
    "id": "1",
    "content_type_id": "1",
    "language": "en",
    "file_format": "xlsx",
}


def admin_routes() -> dict[str, str]:
    """Every URL pattern of the admin, with a path that reaches it (sample arguments)."""
    (admin_resolver,) = (
        pattern
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLResolver) and pattern.namespace == "admin"
    )
    routes = {}

    def collect(resolver, prefix):
        for pattern in resolver.url_patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                collect(pattern, route)
                continue
            path = re.sub(r"\(\?P<app_label>(\w+)\|[^)]*\)", r"\1", route)
            path = path.replace("(?P<url>.*)", "no-such-page/")
            path = path.replace(r"(\d+)", "1").replace("([^/]+)", "1")
            path = path.replace("^", "").replace("$", "")
            path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: SAMPLE_ARGUMENTS[m.group(1)], path)
            routes[route] = "/" + path

    collect(admin_resolver, str(admin_resolver.pattern))
    return routes


def admin_paths() -> list[str]:
    return list(admin_routes().values())


def test_the_admin_walk_reaches_every_admin_url():
    routes = admin_routes()
    assert "/admin/library/document/1/download/en/" in routes.values()
    assert len(routes) > 150
    for route, path in routes.items():
        assert resolve(path).route == route.replace("/^", "/"), path  # not the catch-all


@pytest.mark.parametrize("who", [None, "member", "focal_point", "outsider"])
def test_every_admin_url_sends_anyone_but_staff_to_the_admin_login(client, request, who):
    if who:
        client.force_login(request.getfixturevalue(who))
    wrong = {}
    for path in admin_paths():
        if path == "/admin/login/":
            continue
        response = fetch(client, "get", path)
        location = response.get("Location", "")
        if path == "/admin/logout/" and location == "/admin/":
            continue  # the admin sends whoever is not logged in as staff to its index
        if response.status_code != 302 or not location.startswith("/admin/login/?next="):
            wrong[path] = (response.status_code, location)
    assert wrong == {}


@dataclass(frozen=True)
class AdminFile:
    path: object  # World -> path
    kind: str = field(default="application/pdf")


ADMIN_FILES = {
    "a staff-only document": AdminFile(
        lambda world: (
            f"/admin/library/document/"
            f"{make_document(visibility=Document.Visibility.STAFF).pk}/download/en/"
        )
    ),
    "a nominee's CV": AdminFile(
        lambda world: f"/en/members/experts/nominations/{world.nomination.pk}/cv/"
    ),
    "the framework workbook": AdminFile(
        lambda world: "/admin/competencies/competency/spreadsheet/export/xlsx/",
        kind="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
}


@pytest.mark.parametrize("name", ADMIN_FILES)
def test_staff_download_the_office_files(staff_client, world, name):
    spec = ADMIN_FILES[name]
    response = fetch(staff_client, "get", spec.path(world))
    assert response.status_code == 200
    assert response["Content-Type"] == spec.kind
    assert response["Content-Disposition"].startswith("attachment")


# A focal point's post naming another administration ----------------------------------------


def focal_point_views() -> list[str]:
    """The URLs whose view admits focal points only (FocalPointRequiredMixin)."""

    def walk_views(resolver, namespace=""):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                space = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk_views(pattern, space)
            else:
                yield f"{namespace}{pattern.name}", getattr(pattern.callback, "view_class", None)

    return sorted(
        name
        for name, view in walk_views(get_resolver())
        if view is not None and issubclass(view, FocalPointRequiredMixin)
    )


FOCAL_POINT_POSTS = focal_point_views()


def test_every_focal_point_view_is_in_the_matrix_for_focal_points_only():
    assert len(FOCAL_POINT_POSTS) >= 9
    assert all(MATRIX[name].allowed[0] == "focal_point" for name in FOCAL_POINT_POSTS)


def stored_rows():
    return [
        sorted(map(repr, model.objects.values_list()))
        for model in (ContactPoint, Expert, Nomination, AccountRequest, NeedsRequest)
    ]


@pytest.mark.parametrize("name", FOCAL_POINT_POSTS)
def test_a_focal_points_post_naming_another_administration_is_refused(
    client, world, focal_point, georgia, name
):
    url = url_of(name, MATRIX[name], world)
    client.force_login(focal_point)
    before = stored_rows()
    response = client.post(url, {"administration": georgia.pk, "name_en": "Moved"})
    assert response.status_code == 403, url
    assert stored_rows() == before


# The admin's imports and exports ----------------------------------------------------------------


def spreadsheet_admins() -> dict[str, object]:
    """Every registered admin with a django-import-export import or export, by model label."""
    return {
        model._meta.label_lower: model_admin
        for model, model_admin in admin_site._registry.items()
        if isinstance(model_admin, ImportMixin | ExportMixin)
    }


def spreadsheet_urls() -> list[tuple[str, str, str]]:
    """(model label, action, URL name) of every admin import, import confirmation and export."""
    urls = []
    for label, model_admin in sorted(spreadsheet_admins().items()):
        opts = model_admin.opts
        if isinstance(model_admin, ImportMixin):
            urls.append((label, "import", f"admin:{opts.app_label}_{opts.model_name}_import"))
            urls.append(
                (
                    label,
                    "process_import",
                    f"admin:{opts.app_label}_{opts.model_name}_process_import",
                )
            )
        if isinstance(model_admin, ExportMixin):
            urls.append((label, "export", f"admin:{opts.app_label}_{opts.model_name}_export"))
    return urls


SPREADSHEET_URLS = spreadsheet_urls()


def permissions_for(model_admin, action: str) -> list[Permission]:
    """What an action needs: an import adds and changes rows (of the model and of those its
    import also writes), an export reads them."""
    if action == "export":
        wanted = [(model_admin.model, "view")]
    else:
        models = [model_admin.model, *getattr(model_admin, "import_models", ())]
        wanted = [(model, verb) for model in models for verb in ("add", "change")]
    return [
        Permission.objects.get(
            content_type__app_label=model._meta.app_label,
            codename=f"{verb}_{model._meta.model_name}",
        )
        for model, verb in wanted
    ]


def spreadsheet_request(client, action: str, name: str):
    if action == "process_import":
        return client.post(reverse(name), {})  # the confirmation is a post
    return client.get(reverse(name))


def test_every_import_and_export_of_the_admin_is_tried():
    labels = {label for label, _action, _name in SPREADSHEET_URLS}
    assert {"contacts.contactpoint", "library.document", "outreach.newsitem"} <= labels
    assert len(SPREADSHEET_URLS) >= 20
    assert {name for _label, _action, name in SPREADSHEET_URLS} <= {
        f"admin:{route_name}" for route_name in admin_url_names()
    }


def admin_url_names() -> set[str]:
    (admin_resolver,) = (
        pattern
        for pattern in get_resolver().url_patterns
        if isinstance(pattern, URLResolver) and pattern.namespace == "admin"
    )

    def names(resolver):
        for pattern in resolver.url_patterns:
            if isinstance(pattern, URLResolver):
                yield from names(pattern)
            elif pattern.name:
                yield pattern.name

    return set(names(admin_resolver))


@pytest.mark.parametrize(("label", "action", "name"), SPREADSHEET_URLS)
def test_staff_without_the_models_permission_may_not_import_or_export(client, label, action, name):
    clerk = make_user(email="clerk@rocb.test", is_staff=True)  # no permission at all
    client.force_login(clerk)
    response = spreadsheet_request(client, action, name)
    assert response.status_code == 403, name
    assert "Content-Disposition" not in response


@pytest.mark.parametrize(("label", "action", "name"), SPREADSHEET_URLS)
def test_staff_with_the_models_permission_import_and_export(client, label, action, name):
    model_admin = spreadsheet_admins()[label]
    clerk = make_user(email="clerk@rocb.test", is_staff=True)
    clerk.user_permissions.set(permissions_for(model_admin, action))
    client.force_login(clerk)
    response = spreadsheet_request(client, action, name)
    assert response.status_code == 200, name


@pytest.mark.parametrize(("label", "action", "name"), SPREADSHEET_URLS)
def test_the_models_view_permission_alone_does_not_import(client, label, action, name):
    """Reading a model is not writing it: view permission opens the export, not the import."""
    if action == "export":
        return
    model_admin = spreadsheet_admins()[label]
    clerk = make_user(email="clerk@rocb.test", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label=model_admin.opts.app_label,
            codename=f"view_{model_admin.opts.model_name}",
        )
    )
    client.force_login(clerk)
    assert spreadsheet_request(client, action, name).status_code == 403, name


# The personal-data access log: read-only, for staff holding its one permission ------------------

ACCESS_LOG = "/admin/administrations/accesslogentry/"


@pytest.fixture
def access_entry(world, member):
    record_access(user=member, kind=AccessLogEntry.Kind.EXPERT_RECORD, obj=world.expert)
    return AccessLogEntry.objects.get()


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("clerk", 403),  # staff without the permission
        ("staff_with:experts.view_expert", 403),  # seeing experts is not seeing who read them
        ("staff_with:administrations.view_accesslogentry", 200),
        ("staff", 200),  # a superuser
    ],
)
def test_the_access_log_opens_to_staff_holding_its_permission(
    client, world, access_entry, who, status
):
    client.force_login(world.user(who))
    for path in (ACCESS_LOG, f"{ACCESS_LOG}{access_entry.pk}/change/"):
        assert client.get(path).status_code == status, path


@pytest.mark.parametrize("who", ["staff_with:administrations.view_accesslogentry", "staff"])
def test_nobody_adds_changes_or_deletes_an_access_log_entry(client, world, access_entry, who):
    client.force_login(world.user(who))
    change = f"{ACCESS_LOG}{access_entry.pk}/change/"
    page = client.get(change).content.decode()
    assert 'name="_save"' not in page and "deletelink" not in page
    assert client.get(f"{ACCESS_LOG}add/").status_code == 403
    assert client.post(change, {"kind": "expert_cv"}).status_code == 403
    assert client.post(f"{ACCESS_LOG}{access_entry.pk}/delete/", {"post": "yes"}).status_code == 403
    listing = client.post(
        ACCESS_LOG, {"action": "delete_selected", "_selected_action": [access_entry.pk]}
    )
    assert listing.status_code in (200, 302)
    assert AccessLogEntry.objects.filter(pk=access_entry.pk, kind="expert_record").exists()
    assert not Permission.objects.filter(
        content_type__app_label="administrations",
        codename__in=["add_accesslogentry", "change_accesslogentry", "delete_accesslogentry"],
    ).exists()
