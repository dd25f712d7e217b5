"""The link that opens a mission's evaluation form: signed (django.core.signing, with a salt of
its own), expiring, and good for one answer. It needs no account: the host administration's
focal point and the expert open it from their mail.

The token names the mission, the side that answers and the person the link was mailed to (the
focal point's user, or the expert's record): no e-mail address, nothing a reader could use but
the form itself.
"""

import datetime
from dataclasses import dataclass

from django.core import signing

from accounts.models import User
from needs.models import Mission, MissionEvaluation, Respondent

SALT = "needs.mission-evaluation"
# The link is mailed once the mission has ended; it works for 60 days.
LINK_VALID = datetime.timedelta(days=60)


class LinkError(Exception):
    """The link cannot be used; `reason` says why (a key of the refusal page's texts)."""

    def __init__(self, reason: str, mission: Mission | None = None):
        super().__init__(reason)
        self.reason = reason
        self.mission = mission


@dataclass(frozen=True)
class EvaluationLink:
    mission: Mission
    respondent: str
    user: User | None  # the focal point, for the host administration's side


def evaluation_token(*, mission: Mission, respondent: str, user: User | None = None) -> str:
    """The signed token of one recipient's link."""
    if respondent == Respondent.HOST:
        payload = {"m": mission.pk, "r": respondent, "u": user.pk}
    else:
        payload = {"m": mission.pk, "r": respondent, "e": mission.expert_id}
    return signing.dumps(payload, salt=SALT)


def evaluation_link(token: str) -> EvaluationLink:
    """The mission and recipient a token stands for, if it may be used now; raises LinkError
    with reason "invalid" (tampered, or not a token), "expired", "not_yours" (the focal point is
    no longer one of the host administration, or the expert is no longer the mission's) or
    "used" (that side has answered)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=LINK_VALID)
    except signing.SignatureExpired:
        raise LinkError("expired") from None
    except signing.BadSignature:
        raise LinkError("invalid") from None
    try:
        respondent = Respondent(payload["r"])
        mission = Mission.objects.select_related("administration", "expert", "need").get(
            pk=int(payload["m"])
        )
    except (KeyError, TypeError, ValueError, Mission.DoesNotExist):
        raise LinkError("invalid") from None
    user = None
    if respondent == Respondent.HOST:
        user = User.objects.filter(pk=payload.get("u"), is_active=True).first()
        if user is None or not user.is_focal_point_for(mission.administration_id):
            raise LinkError("not_yours", mission)
    elif mission.expert_id is None or payload.get("e") != mission.expert_id:
        raise LinkError("not_yours", mission)
    if MissionEvaluation.objects.filter(mission=mission, respondent=respondent).exists():
        raise LinkError("used", mission)
    return EvaluationLink(mission=mission, respondent=respondent, user=user)
