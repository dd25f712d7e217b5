"""The competency framework: job catalogue, competency dictionary, proficiency scale, the
competency-based job descriptions built from them, the WCO customs qualifications framework, and
members' self-assessments against a position.
"""

from competencies.models.assessments import SelfAssessment, SelfRating
from competencies.models.consultation import (
    ConsultationComment,
    ConsultationResponse,
    ConsultationRound,
)
from competencies.models.framework import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
)
from competencies.models.publication import Status
from competencies.models.qualifications import QualificationLevel, TopicalCluster

__all__ = [
    "Competency",
    "CompetencyFamily",
    "ConsultationComment",
    "ConsultationResponse",
    "ConsultationRound",
    "FunctionalArea",
    "JobPosition",
    "LevelDescriptor",
    "ProficiencyLevel",
    "QualificationLevel",
    "Requirement",
    "SelfAssessment",
    "SelfRating",
    "Status",
    "TopicalCluster",
]
