"""Writes of the competency framework, one module a part: the publication status of positions and
competencies, endorsement (which makes a numbered version of the framework), members'
self-assessments (against a position or a qualifications profile), and the members'
consultation (rounds, comments and the office's answers, administrations' positions,
reminders). The office edits the framework itself in the admin, or imports it: see
`spreadsheet.py`. Callers import from `competencies.services`, which names every write.
"""

from competencies.services.assessments import assessment_delete, assessment_save
from competencies.services.consultation import (
    comment_editable_by,
    consultation_comment_add,
    consultation_comment_answer,
    consultation_comment_edit,
    consultation_reminders_send,
    consultation_response_submit,
    consultation_round_open,
    round_closed_message,
)
from competencies.services.profiles import profile_assessment_delete, profile_assessment_save
from competencies.services.publication import publication_status_set
from competencies.services.versions import framework_endorse

__all__ = [
    "assessment_delete",
    "assessment_save",
    "comment_editable_by",
    "consultation_comment_add",
    "consultation_comment_answer",
    "consultation_comment_edit",
    "consultation_reminders_send",
    "consultation_response_submit",
    "consultation_round_open",
    "framework_endorse",
    "profile_assessment_delete",
    "profile_assessment_save",
    "publication_status_set",
    "round_closed_message",
]
