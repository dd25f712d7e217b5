from modeltranslation.translator import TranslationOptions, register

from competencies.models import (
    Competency,
    CompetencyFamily,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    TopicalCluster,
)


@register(FunctionalArea)
class FunctionalAreaTranslation(TranslationOptions):
    fields = ("name", "description")


@register(JobPosition)
class JobPositionTranslation(TranslationOptions):
    fields = ("title", "purpose", "duties")


@register(CompetencyFamily)
class CompetencyFamilyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Competency)
class CompetencyTranslation(TranslationOptions):
    fields = ("name", "definition")


@register(ProficiencyLevel)
class ProficiencyLevelTranslation(TranslationOptions):
    fields = ("name", "description")


@register(LevelDescriptor)
class LevelDescriptorTranslation(TranslationOptions):
    fields = ("indicators",)


@register(QualificationLevel)
class QualificationLevelTranslation(TranslationOptions):
    fields = ("profile", "certificate", "knowledge", "skills", "tasks", "competencies")


@register(TopicalCluster)
class TopicalClusterTranslation(TranslationOptions):
    fields = ("title", "topics")
