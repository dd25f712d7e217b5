"""Demo synonyms of the search, as the office would list them: a search for one term finds
pages and experts that use another (in English and in Russian)."""

from core.models import SynonymGroup

GROUPS = [
    (
        "электронное обучение\nэлектронный курс\nдистанционное обучение\ne-learning\nonline course",
        "WCO CLiKC! courses are called all of these.",
    ),
    (
        "post-clearance audit\nаудит после выпуска\nпостконтроль\nпоследующий контроль",
        "Both Russian renderings of PCA are in use.",
    ),
    ("управление рисками\nrisk management\nриск-менеджмент", ""),
]


def load(*, stdout) -> None:
    SynonymGroup.objects.bulk_create(SynonymGroup(terms=terms, note=note) for terms, note in GROUPS)
    stdout.write(f"Search synonyms: {len(GROUPS)} groups.")
