"""Writes of the experts database: nominations and their review, keeping records current, the
expert's own record (consent, availability, withdrawal) and the erasure of personal data.

Every change that touches an expert's text or areas ends with `expert_index()`, which rebuilds
the stored search vector the members' search reads.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterable

import reversion
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Q, StringAgg, Subquery, Value
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from reversion.models import Version

from accounts.models import User
from core import history
from experts import notifications
from experts.models import (
    Availability,
    Expert,
    ExpertCompetency,
    ExpertiseArea,
    ExpertLanguage,
    Nomination,
    NominationCompetency,
    NominationLanguage,
    purge_cutoff,
)

LanguageSkills = Iterable[tuple[str, int]]
# (competency id, proficiency level id) pairs.
CompetencyHoldings = Iterable[tuple[int, int]]

# The expert's details a nomination carries, column by column (both languages of the
# translated ones); an approval copies them onto the expert's record.
TRANSLATED_DETAILS = ("given_names", "family_name", "position", "experience")
PLAIN_DETAILS = ("email", "phone", "accreditation", "consent_given_on", "language")
DETAIL_COLUMNS = (
    *(f"{field}_{language}" for field in TRANSLATED_DETAILS for language in ("en", "ru")),
    *PLAIN_DETAILS,
)


def _area_names(language: str) -> Subquery:
    return Subquery(
        ExpertiseArea.objects.filter(experts=OuterRef("pk"))
        .order_by()
        .values("experts")
        .annotate(names=StringAgg(f"name_{language}", Value(" ")))
        .values("names")
    )


def expert_index(*, expert_ids: Iterable[int]) -> None:
    """Rebuild the search vector of these experts: names unstemmed (weight A, so a name matches
    first), then names, position and areas stemmed in English and in Russian (B), experience (C)."""
    vector = (
        SearchVector(
            "given_names_en",
            "family_name_en",
            "given_names_ru",
            "family_name_ru",
            config="simple",
            weight="A",
        )
        + SearchVector(
            "given_names_en",
            "family_name_en",
            "position_en",
            _area_names("en"),
            config="english",
            weight="B",
        )
        + SearchVector(
            "given_names_ru",
            "family_name_ru",
            "position_ru",
            _area_names("ru"),
            config="russian",
            weight="B",
        )
        + SearchVector("experience_en", config="english", weight="C")
        + SearchVector("experience_ru", config="russian", weight="C")
    )
    Expert.objects.filter(pk__in=list(expert_ids)).update(search_vector=vector)


def _set_languages(model, skills: LanguageSkills, **owner) -> None:
    """Replace the language rows of one expert or nomination (`owner`) by `skills`."""
    model.objects.filter(**owner).delete()
    rows = [model(language=language, level=level, **owner) for language, level in skills]
    for row in rows:
        row.full_clean(exclude=list(owner))
    model.objects.bulk_create(rows)


def _set_competencies(model, holdings: CompetencyHoldings, **owner) -> None:
    """Replace the competency rows of one expert or nomination (`owner`) by `holdings`."""
    model.objects.filter(**owner).delete()
    rows = [
        model(competency_id=competency, level_id=level, **owner) for competency, level in holdings
    ]
    for row in rows:
        row.full_clean(exclude=list(owner))
    model.objects.bulk_create(rows)


@transaction.atomic
def nomination_submit(
    *,
    nominated_by: User,
    details: dict,
    areas: Iterable[ExpertiseArea],
    languages: LanguageSkills,
    competencies: CompetencyHoldings = (),
) -> Nomination:
    """A focal point proposes an expert of their own administration (taken from the user, never
    from the form); the office is told by email."""
    if not (nominated_by.is_member and nominated_by.is_focal_point):
        raise PermissionDenied
    cv = details.get("cv")
    nomination = Nomination(
        **details,
        administration=nominated_by.administration,
        nominated_by=nominated_by,
        status=Nomination.Status.PENDING,
        cv_name=cv.name[:255] if cv else "",
        consent_given_on=timezone.localdate(),
        # Mail to the expert is written in the portal's language the focal point nominated in.
        language=details.get("language") or _portal_language(),
    )
    nomination.email = nomination.email.lower()
    nomination.full_clean()
    # The first version in the history: a correction shows what it changed from it.
    with reversion.create_revision():
        reversion.set_user(nominated_by)
        history.note(gettext_noop("Sent by the focal point"))
        nomination.save()
        nomination.areas.set(areas)
        _set_languages(NominationLanguage, languages, nomination=nomination)
        _set_competencies(NominationCompetency, competencies, nomination=nomination)
    transaction.on_commit(lambda: notifications.nomination_received(nomination))
    return nomination


def _lock_own_pending(nomination: Nomination, by: User) -> Nomination:
    if not by.is_focal_point_for(nomination.administration_id):
        raise PermissionDenied
    return _lock_pending(nomination)


@transaction.atomic
def nomination_correct(
    *,
    nomination: Nomination,
    by: User,
    details: dict,
    areas: Iterable[ExpertiseArea],
    languages: LanguageSkills,
) -> Nomination:
    """The focal point corrects their administration's nomination while it waits for review
    (never once decided); the correction is a version in the history, which shows the office
    each changed field, old and new."""
    nomination = _lock_own_pending(nomination, by)
    for column, value in details.items():
        setattr(nomination, column, value)
    if details.get("cv"):
        nomination.cv_name = details["cv"].name[:255]
    nomination.email = nomination.email.lower()
    nomination.corrected_at = timezone.now()
    nomination.full_clean()
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Corrected by the focal point"))
        nomination.save()
        nomination.areas.set(areas)
        _set_languages(NominationLanguage, languages, nomination=nomination)
    return nomination


@transaction.atomic
def nomination_withdraw(*, nomination: Nomination, by: User) -> Nomination:
    """The focal point takes back their administration's nomination before it is reviewed."""
    nomination = _lock_own_pending(nomination, by)
    nomination.status = Nomination.Status.WITHDRAWN
    nomination.full_clean()
    with reversion.create_revision():
        reversion.set_user(by)
        history.note(gettext_noop("Withdrawn by the focal point"))
        nomination.save()
    return nomination


def _portal_language() -> str:
    language = translation.get_language() or settings.LANGUAGE_CODE
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _lock_pending(nomination: Nomination) -> Nomination:
    nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if not nomination.is_pending:
        raise ValidationError(_("This nomination has already been decided."))
    return nomination


@transaction.atomic
def nomination_approve(*, nomination: Nomination, reviewer: User) -> Expert:
    """Approve a pending nomination: it creates the expert's record, or updates the record with
    the same email address (areas, languages and competencies as nominated); the record counts
    as confirmed today; the focal point is told."""
    nomination = _lock_pending(nomination)
    expert = Expert.objects.filter(email__iexact=nomination.email).first()
    if expert is not None and expert.administration_id != nomination.administration_id:
        raise ValidationError(
            _("An expert with this email address is listed for another administration.")
        )
    expert = expert or Expert(administration_id=nomination.administration_id)
    for column in DETAIL_COLUMNS:
        setattr(expert, column, getattr(nomination, column))
    if nomination.cv:
        # The record shares the nomination's stored file: files are never deleted by the app.
        expert.cv, expert.cv_name = nomination.cv.name, nomination.cv_name
    expert.confirmed_on = timezone.localdate()
    # A withdrawn expert nominated again (with fresh consent) is listed again.
    expert.withdrawn_at = None
    with reversion.create_revision():
        reversion.set_user(reviewer)
        history.note(gettext_noop("Approved nomination no. %(number)s"), number=nomination.pk)
        expert.full_clean()
        expert.save()
        expert.areas.set(nomination.areas.all())
        _set_languages(
            ExpertLanguage,
            nomination.languages.values_list("language", "level"),
            expert=expert,
        )
        _set_competencies(
            ExpertCompetency,
            nomination.competencies.values_list("competency_id", "level_id"),
            expert=expert,
        )
        # The same revision holds the decision in the nomination's own history.
        nomination.status = Nomination.Status.APPROVED
        nomination.reviewer = reviewer
        nomination.reviewed_at = timezone.now()
        nomination.expert = expert
        nomination.full_clean()
        nomination.save()
    expert_index(expert_ids=[expert.pk])
    transaction.on_commit(lambda: notifications.nomination_decided(nomination))
    transaction.on_commit(lambda: notifications.record_link(expert, reason="approved"))
    return expert


@transaction.atomic
def nomination_reject(*, nomination: Nomination, reviewer: User, reason: str) -> Nomination:
    """Reject a pending nomination with a reason, which the focal point receives by email."""
    nomination = _lock_pending(nomination)
    if not reason.strip():
        raise ValidationError({"review_reason": _("Give the reason for the rejection.")})
    nomination.status = Nomination.Status.REJECTED
    nomination.review_reason = reason.strip()
    nomination.reviewer = reviewer
    nomination.reviewed_at = timezone.now()
    nomination.full_clean()
    with reversion.create_revision():
        reversion.set_user(reviewer)
        history.note(gettext_noop("Rejected by the office"))
        nomination.save()
    transaction.on_commit(lambda: notifications.nomination_decided(nomination))
    return nomination


def _check_focal_point(user: User, expert: Expert) -> None:
    if not user.is_focal_point_for(expert.administration_id):
        raise PermissionDenied


@transaction.atomic
def expert_confirm(*, expert: Expert, user: User) -> Expert:
    """The focal point of the expert's administration, or office staff who may change experts
    (the admin's action), confirm the record is still current; its history keeps who did."""
    if not (user.is_staff and user.has_perm("experts.change_expert")):
        _check_focal_point(user, expert)
    with reversion.create_revision():
        reversion.set_user(user)
        history.note(gettext_noop("Confirmed as current"))
        expert.confirmed_on = timezone.localdate()
        expert.save(update_fields=["confirmed_on", "updated_at"])
    return expert


@transaction.atomic
def expert_update(
    *,
    expert: Expert,
    user: User,
    details: dict,
    areas: Iterable[ExpertiseArea],
    languages: LanguageSkills,
) -> Expert:
    """The focal point of the expert's administration corrects the record, which confirms it."""
    _check_focal_point(user, expert)
    details = dict(details)
    cv = details.pop("cv", None)
    with reversion.create_revision():
        reversion.set_user(user)
        history.note(gettext_noop("Updated and confirmed by the focal point"))
        for column, value in details.items():
            setattr(expert, column, value)
        expert.email = expert.email.lower()
        if cv:
            expert.cv, expert.cv_name = cv, cv.name[:255]
        expert.confirmed_on = timezone.localdate()
        expert.full_clean()
        expert.save()
        expert.areas.set(areas)
        _set_languages(ExpertLanguage, languages, expert=expert)
    expert_index(expert_ids=[expert.pk])
    return expert


def stale_reminders_send(*, today=None) -> tuple[int, list[str]]:
    """Email each focal point the list of their administration's stale records, in their
    language. Returns the number of emails sent and the administrations with stale records but
    no focal point to tell."""
    by_administration = defaultdict(list)
    stale = Expert.objects.listed().stale(today).select_related("administration")
    for expert in stale.order_by("administration_id", "family_name_en", "given_names_en"):
        by_administration[expert.administration_id].append(expert)
    focal_points = User.objects.filter(
        is_active=True, is_focal_point=True, administration_id__in=by_administration
    ).order_by("email")
    sent, told = 0, set()
    for user in focal_points:
        notifications.stale_reminder(user, by_administration[user.administration_id])
        sent += 1
        told.add(user.administration_id)
    untold = sorted(
        str(experts[0].administration)
        for administration_id, experts in by_administration.items()
        if administration_id not in told
    )
    return sent, untold


# The expert's own record ---------------------------------------------------------------------


def record_link_send(*, expert: Expert, reason: str) -> None:
    """Mail a listed expert the link to their own record (after commit: a rolled-back change
    sends nothing)."""
    if not expert.is_listed:
        raise ValidationError(_("A withdrawn or erased record has no link."))
    transaction.on_commit(lambda: notifications.record_link(expert, reason=reason))


def record_links_remind(*, today: datetime.date | None = None) -> int:
    """Mail every listed expert whose record is due for confirmation their link (the monthly
    reminder). Returns the number of mails."""
    experts = Expert.objects.listed().stale(today).order_by("pk")
    count = 0
    for expert in experts.iterator(chunk_size=500):
        record_link_send(expert=expert, reason="stale")
        count += 1
    return count


@transaction.atomic
def expert_record_confirm(*, expert: Expert, availability: str, language: str) -> Expert:
    """The expert, through their link, confirms their consent to be listed (today), their
    record as current, their availability for missions and the language of mail to them."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if not expert.is_listed:
        raise ValidationError(_("This record has been withdrawn."))
    today = timezone.localdate()
    with reversion.create_revision():
        history.note(gettext_noop("Consent and availability confirmed by the expert"))
        expert.availability = Availability(availability)
        expert.language = language
        expert.consent_given_on = today
        expert.confirmed_on = today
        expert.full_clean()
        expert.save(
            update_fields=[
                "availability",
                "language",
                "consent_given_on",
                "confirmed_on",
                "updated_at",
            ]
        )
    return expert


@transaction.atomic
def expert_withdraw(*, expert: Expert) -> Expert:
    """The expert withdraws: the record is hidden from members at once, every link sent so far
    stops working, and the personal data is erased after EXPERT_WITHDRAWN_RETENTION_DAYS."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if expert.withdrawn_at is None:
        with reversion.create_revision():
            history.note(gettext_noop("Withdrawn by the expert"))
            expert.withdrawn_at = timezone.now()
            expert.link_version = F("link_version") + 1
            expert.save(update_fields=["withdrawn_at", "link_version", "updated_at"])
        expert.refresh_from_db()
    return expert


# What an erased record keeps: its administration, areas of expertise, competencies,
# accreditation, availability, language and dates (created, consent, last confirmed, withdrawn,
# erased), so the office's counts per administration, area and year stay right. The person
# goes: these columns, the languages, the CV files and the edit history.
ERASED_PERSON = {
    **{
        f"{field}{suffix}": ""
        for field in TRANSLATED_DETAILS
        for suffix in ("", "_en", "_ru")  # modeltranslation keeps the original column too
    },
    "email": "",
    "phone": "",
    "cv": "",
    "cv_name": "",
}


def _forget_history(model, pks: list[int]) -> None:
    """Delete the edit history (django-reversion's versions hold every former value) and blank
    the admin log's names of these rows."""
    content_type = ContentType.objects.get_for_model(model)
    object_ids = [str(pk) for pk in pks]
    Version.objects.filter(content_type=content_type, object_id__in=object_ids).delete()
    LogEntry.objects.filter(content_type=content_type, object_id__in=object_ids).update(
        object_repr=_("(erased)"), change_message=""
    )


@transaction.atomic
def expert_erase(*, expert: Expert, today: datetime.date | None = None) -> None:
    """Erase the personal data of one record and of the nominations it came from: names,
    e-mail, phone, position, experience, languages, CV files (removed from storage), edit
    history. The row stays, without the person, for the office's counts (ERASED_PERSON)."""
    expert = Expert.objects.select_for_update().get(pk=expert.pk)
    if expert.erased_on:
        return
    # The nominations of the person (a pending one is a new nomination, for staff to decide).
    nominations = Nomination.objects.filter(
        Q(expert=expert) | Q(email__iexact=expert.email)
    ).exclude(status=Nomination.Status.PENDING)
    nomination_ids = list(nominations.values_list("pk", flat=True))
    files = {expert.cv.name} if expert.cv else set()
    files |= {name for name in nominations.values_list("cv", flat=True) if name}
    ExpertLanguage.objects.filter(expert=expert).delete()
    NominationLanguage.objects.filter(nomination_id__in=nomination_ids).delete()
    # Column by column as named (rewrite(False)): not the active language's alone.
    Expert.objects.rewrite(False).filter(pk=expert.pk).update(
        **ERASED_PERSON,
        search_vector=None,
        erased_on=today or timezone.localdate(),
        link_version=F("link_version") + 1,
    )
    Nomination.objects.rewrite(False).filter(pk__in=nomination_ids).update(**ERASED_PERSON)
    _forget_history(Expert, [expert.pk])
    _forget_history(Nomination, nomination_ids)
    storage = Expert._meta.get_field("cv").storage

    def remove_files():
        for name in files:
            storage.delete(name)

    # The files go once the rows no longer name them.
    transaction.on_commit(remove_files)


def experts_purge(*, today: datetime.date | None = None) -> dict[str, int]:
    """The nightly purge: erase the records withdrawn more than EXPERT_WITHDRAWN_RETENTION_DAYS
    ago, and the records not confirmed for four years (PURGE_AFTER_YEARS)."""
    today = today or timezone.localdate()
    withdrawn_before = timezone.make_aware(
        datetime.datetime.combine(
            today - datetime.timedelta(days=settings.EXPERT_WITHDRAWN_RETENTION_DAYS),
            datetime.time.min,
        )
    )
    not_erased = Expert.objects.filter(erased_on__isnull=True)
    withdrawn = list(not_erased.filter(withdrawn_at__lt=withdrawn_before).only("pk"))
    unconfirmed = list(
        not_erased.filter(withdrawn_at__isnull=True, confirmed_on__lt=purge_cutoff(today)).only(
            "pk"
        )
    )
    for expert in withdrawn + unconfirmed:
        expert_erase(expert=expert, today=today)
    return {"withdrawn_erased": len(withdrawn), "unconfirmed_purged": len(unconfirmed)}
