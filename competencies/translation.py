from modeltranslation.translator import TranslationOptions, register

from competencies.models import (
    Competency,
    CompetencyFamily,
    ConsultationComment,
    ConsultationRound,
    FrameworkVersion,
    FunctionalArea,
    JobPosition,
    LevelDescriptor,
    ProficiencyLevel,
    QualificationLevel,
    TopicalCluster,
    VersionedCompetency,
    VersionedDescriptor,
    VersionedPosition,
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


# A version keeps both languages of what was endorsed.
@register(FrameworkVersion)
class FrameworkVersionTranslation(TranslationOptions):
    fields = ("endorsed_at",)


@register(VersionedPosition)
class VersionedPositionTranslation(TranslationOptions):
    fields = ("title", "purpose", "duties")


@register(VersionedCompetency)
class VersionedCompetencyTranslation(TranslationOptions):
    fields = ("name", "definition")


@register(VersionedDescriptor)
class VersionedDescriptorTranslation(TranslationOptions):
    fields = ("indicators",)
