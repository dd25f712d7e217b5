"""Benchmark scale: 60 administrations (the region's and some more) and 3,000 contact points."""

import datetime
import itertools

from django.utils import timezone

from administrations.models import Administration
from contacts.models import SPOKEN_LANGUAGE_CODES, ContactPoint, ContactRole
from core.scaling import bilingual, generator, scaled

ADMINISTRATIONS = 60  # reference data: not scaled
CONTACT_POINTS = 3_000

GIVEN = [
    ("Elvin", "Эльвин"), ("Nigar", "Нигяр"), ("Giorgi", "Георгий"), ("Tamar", "Тамар"),
    ("Aidos", "Айдос"), ("Saule", "Сауле"), ("Sergey", "Сергей"), ("Olga", "Ольга"),
    ("Oksana", "Оксана"), ("Ion", "Ион"), ("Ana", "Ана"), ("Marek", "Марек"),
    ("Elena", "Елена"), ("Dmitry", "Дмитрий"), ("Aigerim", "Айгерим"), ("Farid", "Фарид"),
]  # fmt: skip
FAMILY = [
    ("Aliyev", "Алиев"), ("Hasanova", "Гасанова"), ("Kapanadze", "Капанадзе"),
    ("Lomidze", "Ломидзе"), ("Nurlanov", "Нурланов"), ("Ivanov", "Иванов"),
    ("Smirnova", "Смирнова"), ("Rusu", "Русу"), ("Popescu", "Попеску"), ("Novak", "Новак"),
    ("Petrova", "Петрова"), ("Beridze", "Беридзе"), ("Mammadov", "Мамедов"),
    ("Kovalenko", "Коваленко"), ("Horvat", "Хорват"), ("Sargsyan", "Саргсян"),
]  # fmt: skip
TITLES = {
    ContactRole.HEAD: [("Director General", "Генеральный директор"), ("Chairman", "Председатель")],
    ContactRole.CAPACITY_BUILDING: [
        ("Head of International Cooperation", "Начальник управления международного сотрудничества"),
        ("Capacity Building Adviser", "Советник по наращиванию потенциала"),
    ],
    ContactRole.LEARNING: [
        ("Training Centre Director", "Директор учебного центра"),
        ("Training Coordinator", "Координатор обучения"),
    ],
    ContactRole.HR: [
        ("HR Manager", "Менеджер по персоналу"),
        ("Head of HR", "Начальник отдела кадров"),
    ],
    ContactRole.COMMUNICATION: [("Press Officer", "Пресс-секретарь")],
    ContactRole.OTHER: [
        ("Chief Expert", "Главный эксперт"),
        ("Senior Inspector", "Старший инспектор"),
    ],
}
OTHER_LANGUAGES = [code for code in SPOKEN_LANGUAGE_CODES if code != "en"]


def load(*, stdout, scale: float = 1.0) -> None:
    existing = Administration.objects.count()
    Administration.objects.bulk_create(
        Administration(
            code=f"X{chr(65 + n)}",
            **bilingual("name", f"Benchland {n}", f"Бенчландия {n}"),
        )
        for n in range(max(0, ADMINISTRATIONS - existing))
    )
    administrations = list(Administration.objects.members().order_by("code"))
    rng = generator(3)
    today = timezone.localdate()
    roles = itertools.cycle(ContactRole)
    count = scaled(CONTACT_POINTS, scale)
    contacts = []
    for n in range(count):
        role = next(roles)
        given, family = rng.choice(GIVEN), rng.choice(FAMILY)
        # Each administration gets its share; `n` keeps the address unique in any role.
        administration = administrations[n % len(administrations)]
        contacts.append(
            ContactPoint(
                administration=administration,
                role=role,
                **bilingual("name", f"{given[0]} {family[0]}", f"{given[1]} {family[1]}"),
                **bilingual("title", *rng.choice(TITLES[role])),
                email=f"{given[0]}.{family[0]}.{n}@customs.{administration.slug}.test".lower(),
                phone=f"+994 12 404 {n // 100 % 100:02d} {n % 100:02d}",
                languages=["en", *rng.sample(OTHER_LANGUAGES, 2)][: rng.randint(1, 3)],
                # A fifth never confirmed, the rest within the last two years.
                verified_on=None
                if rng.random() < 0.2
                else today - datetime.timedelta(days=rng.randrange(730)),
            )
        )
    ContactPoint.objects.bulk_create(contacts, batch_size=1000)
    stdout.write(f"  {len(administrations)} member administrations, {count} contact points")
