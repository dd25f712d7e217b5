from modeltranslation.translator import TranslationOptions, register

from competencies.models import (
    Competency,
    CompetencyFamily,
    ConsultationComment,
    ConsultationRound,
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
    fields = ("title", "purpose", "duties", "endorsed_at")


@register(CompetencyFamily)
class CompetencyFamilyTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Competency)
class CompetencyTranslation(TranslationOptions):
    fields = ("name", "definition", "endorsed_at")


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


@register(ConsultationRound)
class ConsultationRoundTranslation(TranslationOptions):
    fields = ("title", "introduction")


@register(ConsultationComment)
class ConsultationCommentTranslation(TranslationOptions):
    fields = ("reply",)  # the office answers in either language or both
