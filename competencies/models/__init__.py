"""The competency framework: job catalogue, competency dictionary, proficiency scale, the
competency-based job descriptions built from them, the WCO customs qualifications framework, and
members' self-assessments against a position or a qualifications profile, and the numbered
versions endorsing makes.
"""

from competencies.models.assessments import (
    ProfileAssessment,
    SelfAssessment,
    SelfRating,
    StatementRating,
)
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
from competencies.models.versions import (
    FrameworkVersion,
    VersionedCompetency,
    VersionedDescriptor,
    VersionedPosition,
    VersionedRequirement,
)

__all__ = [
    "Competency",
    "CompetencyFamily",
    "ConsultationComment",
    "ConsultationResponse",
    "ConsultationRound",
    "FrameworkVersion",
    "FunctionalArea",
    "JobPosition",
    "LevelDescriptor",
    "ProficiencyLevel",
    "ProfileAssessment",
    "QualificationLevel",
    "Requirement",
    "SelfAssessment",
    "SelfRating",
    "StatementRating",
    "Status",
    "TopicalCluster",
    "VersionedCompetency",
    "VersionedDescriptor",
    "VersionedPosition",
    "VersionedRequirement",
]
