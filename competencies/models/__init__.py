"""The competency framework: job catalogue, competency dictionary, proficiency scale, the
competency-based job descriptions built from them, the WCO customs qualifications framework, and
members' self-assessments against a position.
"""

from competencies.models.assessments import SelfAssessment, SelfRating
from competencies.models.framework import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    Requirement,
)
from competencies.models.qualifications import QualificationLevel, TopicalCluster

__all__ = [
    "Competency",
    "CompetencyFamily",
    "FunctionalArea",
    "JobPosition",
    "LevelDescriptor",
    "ProficiencyLevel",
    "QualificationLevel",
    "Requirement",
    "SelfAssessment",
    "SelfRating",
    "TopicalCluster",
]
