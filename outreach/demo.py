"""Demo news and events for development (the tools come with migration 0003), in both languages:
among the events an open meeting, full, with a waiting list, and a past workshop with its
documents (public, members' and participants'), its attendance and its evaluations."""

import datetime

from django.utils import timezone

from accounts.models import User
from administrations.models import Administration
from library.models import Document
from outreach import services
from outreach.models import (
    Audience,
    Event,
    EventLanguage,
    MeetingDocument,
    NewsItem,
    Registration,
    RegistrationSettings,
    Status,
    Tool,
)

NEWS = [
    (
        "capacity-building-roundtable-council-sessions",
        datetime.date(2014, 7, 8),
        "WCO hosts Capacity Building Roundtable on the margins of the Council Sessions",
        "ВТамО провела круглый стол по наращиванию потенциала в рамках сессий Совета",
        "The roundtable reinforced the 2014 theme “Strong People – Strong Organizations” and "
        "presented the Framework of Principles and Practices on Customs Professionalism.",
        "Круглый стол поддержал тему 2014 года «Сильные люди – сильные организации» и представил "
        "Рамочные принципы и практики в области таможенного профессионализма.",
        "<p>Building on the 5th Session of the Capacity Building Committee, the WCO's Capacity "
        "Building Directorate hosted a roundtable on strategic human resources management, "
        "recruitment, training and career paths.</p><p>The European Union's Customs Competency "
        "Framework was presented by DG TAXUD, and Uganda and Rwanda shared how they apply the "
        "training pillar of the Framework.</p>",
        "<p>По итогам 5-й сессии Комитета по наращиванию потенциала Директорат ВТамО провёл "
        "круглый стол по стратегическому управлению персоналом, подбору кадров, обучению и "
        "карьерному росту.</p><p>Генеральный директорат Европейской комиссии по налогообложению и "
        "таможенному союзу представил Рамку компетенций таможенных служб ЕС, а Уганда и Руанда "
        "поделились опытом применения учебного раздела Рамочных принципов.</p>",
    ),
    (
        "new-e-learning-courses-launched",
        datetime.date(2014, 10, 24),
        "New WCO e-learning courses launched",
        "Запущены новые электронные курсы ВТамО",
        "Courses on the Revised Kyoto Convention, Post-Clearance Audit, Risk Management and "
        "Coordinated Border Management: 45 modules and more than 100 hours of e-learning.",
        "Курсы по Пересмотренной Киотской конвенции, аудиту после выпуска товаров, управлению "
        "рисками и скоординированному управлению границами: 45 модулей и более 100 часов обучения.",
        "<p>The WCO and the South African Revenue Service hosted the closing workshop of the "
        "training component of the Customs Capacity Enhancement project, where the new courses "
        "were launched.</p><ul><li>Revised Kyoto Convention</li><li>Post-Clearance Audit</li>"
        "<li>Risk Management</li><li>Coordinated Border Management</li></ul>",
        "<p>ВТамО и Налоговая служба Южно-Африканской Республики провели заключительный семинар "
        "учебного компонента проекта по укреплению таможенного потенциала, на котором были "
        "представлены новые курсы.</p><ul><li>Пересмотренная Киотская конвенция</li>"
        "<li>Аудит после выпуска товаров</li><li>Управление рисками</li>"
        "<li>Скоординированное управление границами</li></ul>",
    ),
    (
        "vcoa-first-session-highlights",
        datetime.date(2014, 11, 3),
        "Highlights from the first session of the Virtual Customs Orientation Academy",
        "Итоги первой сессии Виртуальной академии таможенной ориентации",
        "Of 33 participants in the pilot session, 25 received a standard certificate and three "
        "graduated with honours.",
        "Из 33 участников пилотной сессии 25 получили сертификат, трое окончили обучение с "
        "отличием.",
        "<p>The pilot session ran from 4 August to 24 October 2014. The top graduates are "
        "showcased on the academy's alumni site.</p>",
        "<p>Пилотная сессия проходила с 4 августа по 24 октября 2014 года. Лучшие выпускники "
        "представлены на сайте выпускников академии.</p>",
    ),
    (
        "fellowship-programme-alumni-site",
        datetime.date(2015, 2, 2),
        "The WCO Fellowship Programme opens an alumni site",
        "",
        "Fellows can now share their experiences, network with each other and promote their "
        "development.",
        "",
        "<p>The new alumni site of the WCO Fellowship Programme connects former fellows.</p>",
        "",
    ),
    (
        "call-national-practices",
        datetime.date(2015, 2, 10),
        "Call to National Learning Coordinators: share your national practices",
        "Национальным координаторам по обучению: поделитесь национальной практикой",
        "Share your national curricula, case studies on human resource management and training "
        "management with the CLiKC! community.",
        "Поделитесь с сообществом CLiKC! национальными учебными программами, примерами управления "
        "персоналом и организации обучения.",
        "<p>Please also update your contact information and your administration's data on the "
        "People Development Interactive Map.</p>",
        "<p>Просим также обновить контактные данные и сведения о вашей администрации на "
        "Интерактивной карте развития персонала.</p>",
    ),
    (
        "blended-learning-leadership-workshops",
        datetime.date(2015, 2, 16),
        "Leadership workshops now include an e-learning preparatory course",
        "",
        "Leadership and Management Development workshops now follow a blended learning format.",
        "",
        "<p>Participants first take the <strong>Introduction to Leadership and Management</strong> "
        "course online, then join the workshop.</p>",
        "",
    ),
    (
        "romanian-customs-moodle-support",
        datetime.date(2015, 2, 20),
        "Romanian Customs offers support with e-learning platforms",
        "Таможня Румынии предлагает помощь во внедрении платформ электронного обучения",
        "After implementing an e-learning system for the Customs Service of the Republic of "
        "Moldova, Romanian Customs offers technical advice to other administrations.",
        "Внедрив систему электронного обучения для Таможенной службы Республики Молдова, таможня "
        "Румынии предлагает техническую помощь другим администрациям.",
        "<p>The support covers installation, customization, training of the main users and the "
        "installation of ready-to-use customs course modules.</p>",
        "<p>Помощь включает установку, настройку, обучение основных пользователей и установку "
        "готовых модулей таможенных курсов.</p>",
    ),
    (
        "inama-project",
        datetime.date(2015, 3, 2),
        "New WCO capacity building project on wildlife enforcement",
        "",
        "The INAMA Project strengthens the enforcement capacity of customs administrations "
        "against the illegal trade in wildlife.",
        "",
        "<p>The five-year project combines e-learning courses with workshops.</p>",
        "",
    ),
    (
        "regional-experts-database-opens",
        datetime.date(2025, 9, 15),
        "The Regional Experts Database opens to focal points",
        "Региональная база экспертов открыта для координаторов",
        "Focal points of member administrations can now nominate experts for regional "
        "capacity-building missions.",
        "Координаторы администраций-членов теперь могут выдвигать экспертов для региональных "
        "миссий по наращиванию потенциала.",
        "<p>Nominations are reviewed by the office before experts appear in the database.</p>",
        "<p>Перед включением в базу кандидатуры проверяются бюро.</p>",
    ),
    (
        "work-plan-progress-published",
        datetime.date(2026, 1, 20),
        "Work Plan progress published",
        "Опубликован отчёт о ходе выполнения рабочего плана",
        "The office now reports the progress of each Work Plan activity on the portal.",
        "Бюро публикует на портале ход выполнения каждого мероприятия рабочего плана.",
        "<p>Each activity shows its status, indicator and the latest progress.</p>",
        "<p>Для каждого мероприятия указаны статус, показатель и последние результаты.</p>",
    ),
    (
        "competency-framework-translated",
        datetime.date(2026, 3, 5),
        "Competency framework available in Russian",
        "Рамка компетенций доступна на русском языке",
        "The job catalogue and the competency dictionary can now be read in Russian.",
        "Каталог должностей и словарь компетенций теперь доступны на русском языке.",
        "<p>Member administrations can use them to write competency-based job descriptions.</p>",
        "<p>Администрации-члены могут использовать их для составления должностных инструкций на "
        "основе компетенций.</p>",
    ),
]

DRAFT = (
    "regional-workshop-announcement-draft",
    "Regional workshop on training needs analysis (draft)",
    "Announcement of the regional workshop, to be completed.",
)


def load(*, stdout) -> None:
    for slug, day, title_en, title_ru, summary_en, summary_ru, body_en, body_ru in NEWS:
        item = NewsItem(
            slug=slug,
            title_en=title_en,
            title_ru=title_ru or None,
            summary_en=summary_en,
            summary_ru=summary_ru or None,
            body_en=body_en,
            body_ru=body_ru or None,
            status=Status.PUBLISHED,
            published_at=datetime.datetime.combine(day, datetime.time(10), tzinfo=datetime.UTC),
        )
        item.full_clean()
        item.save()
    slug, title, summary = DRAFT
    NewsItem.objects.create(slug=slug, title_en=title, summary_en=summary, status=Status.DRAFT)

    today = timezone.localdate()
    events = [
        (
            "vcoa-pilot-session",
            Event.Kind.TRAINING,
            datetime.date(2014, 8, 4),
            datetime.date(2014, 10, 24),
            "Virtual Customs Orientation Academy: pilot session",
            "Виртуальная академия таможенной ориентации: пилотная сессия",
            "Online",
            "Онлайн",
        ),
        (
            "capacity-building-closing-workshop-2014",
            Event.Kind.WORKSHOP,
            datetime.date(2014, 10, 21),
            datetime.date(2014, 10, 23),
            "Closing workshop of the training and e-learning component",
            "",
            "Pretoria, South Africa",
            "",
        ),
        (
            "capacity-building-committee-2014",
            Event.Kind.MEETING,
            datetime.date(2014, 3, 31),
            datetime.date(2014, 4, 2),
            "5th Session of the WCO Capacity Building Committee",
            "5-я сессия Комитета ВТамО по наращиванию потенциала",
            "Brussels, Belgium",
            "Брюссель, Бельгия",
        ),
        (
            "vcoa-second-session",
            Event.Kind.TRAINING,
            today + datetime.timedelta(days=30),
            today + datetime.timedelta(days=30 + 83),
            "Virtual Customs Orientation Academy: second session",
            "Виртуальная академия таможенной ориентации: вторая сессия",
            "Online",
            "Онлайн",
        ),
        (
            "regional-heads-of-training-meeting",
            Event.Kind.CONFERENCE,
            today + datetime.timedelta(days=60),
            today + datetime.timedelta(days=62),
            "Regional meeting of heads of customs training",
            "Региональное совещание руководителей таможенного обучения",
            "Baku, Azerbaijan",
            "Баку, Азербайджан",
        ),
        (
            "risk-management-webinar",
            Event.Kind.WEBINAR,
            today + datetime.timedelta(days=14),
            today + datetime.timedelta(days=14),
            "Webinar: getting started with the Risk Management e-learning course",
            "",
            "Online",
            "",
        ),
    ]
    for slug, kind, starts, ends, title_en, title_ru, place_en, place_ru in events:
        event = Event(
            slug=slug,
            kind=kind,
            starts_on=starts,
            ends_on=ends,
            title_en=title_en,
            title_ru=title_ru or None,
            place_en=place_en,
            place_ru=place_ru or None,
            url="https://clikc.wcoomd.org/" if kind != Event.Kind.MEETING else "",
            status=Status.PUBLISHED,
        )
        event.full_clean()
        event.save()
    load_meetings()
    load_past_workshop()
    load_course_details()
    stdout.write(
        f"Outreach: {len(NEWS) + 1} news items (one draft), {len(events) + 1} events; the "
        "regional meeting of heads of training is open for registration, full, with a waiting "
        "list; the workshop on training needs analysis is over, with its documents (agenda and "
        "report public, a presentation for members, one for its participants), its attendance "
        "(four attended, one absent) and three evaluations; member@customs.test and "
        "focal.ge@customs.test took part in it; "
        f"{len(COURSE_DETAILS)} courses with their languages, length, format and enrolment link."
    )


# Demo details of the seeded courses (slug: languages, length in English and Russian, format,
# enrolment page). The links are examples: the office enters each course's own page.
COURSE_DETAILS = {
    "post-clearance-audit": (
        ["en", "fr", "es", "ru"],
        "about 6 hours",
        "около 6 часов",
        "self_paced",
    ),
    "risk-management": (["en", "fr", "ru"], "about 8 hours", "около 8 часов", "tutored"),
    "revised-kyoto-convention": (
        ["en", "fr", "es"],
        "about 4 hours",
        "около 4 часов",
        "self_paced",
    ),
}


def load_course_details() -> None:
    for number, (slug, details) in enumerate(COURSE_DETAILS.items(), start=1):
        languages, length_en, length_ru, course_format = details
        Tool.objects.filter(slug=slug, kind=Tool.Kind.COURSE).update(
            course_languages=languages,
            course_length_en=length_en,
            course_length_ru=length_ru,
            course_format=course_format,
            enrol_url_en=f"https://clikc.wcoomd.org/enrol/index.php?id={100 + number}",
        )


# (name, email, administration code, position, mail language, status) of the demo registrations.
MEETING_REGISTRATIONS = [
    ("Aynur Guliyeva", "aynur.guliyeva@customs.test", "AZ", "Head of Training", "en", "confirmed"),
    ("Elvin Mammadov", "elvin.mammadov@customs.test", "AZ", "Training Officer", "en", "confirmed"),
    ("Nino Kapanadze", "nino.kapanadze@customs.test", "GE", "Head of HR", "ru", "confirmed"),
    ("Giorgi Lomidze", "giorgi.lomidze@customs.test", "GE", "Trainer", "ru", "waiting"),
    ("Davit Abashidze", "davit.abashidze@customs.test", "GE", "Inspector", "ru", "waiting"),
]


def load_meetings() -> None:
    """The regional meeting takes registrations from members (staff approve none), with three
    seats and a quota of two per administration: it is full and two wait. The webinar has times
    in the Brussels time zone and is open to the public."""
    now = timezone.now()
    meeting = Event.objects.get(slug="regional-heads-of-training-meeting")
    meeting.start_time, meeting.end_time = datetime.time(9, 30), datetime.time(13)
    meeting.time_zone = "Asia/Baku"
    meeting.description_en = (
        "Heads of customs training of the region meet to plan the next year's courses. "
        "Each administration may send two officers; interpretation English–Russian."
    )
    meeting.description_ru = (
        "Руководители таможенного обучения региона встречаются, чтобы спланировать курсы на "
        "следующий год. Каждая администрация может направить двух сотрудников; перевод "
        "английский–русский."
    )
    meeting.full_clean()
    meeting.save()
    settings = RegistrationSettings(
        event=meeting,
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=45),
        capacity=3,
        quota=2,
        audience=Audience.MEMBERS,
        language=EventLanguage.BOTH,
        ask_working_language=True,
        ask_visa_letter=True,
    )
    settings.full_clean()
    settings.save()
    focal_points = {
        user.administration.code: user
        for user in User.objects.filter(is_focal_point=True).select_related("administration")
    }
    administrations = {a.code: a for a in Administration.objects.filter(code__in=["AZ", "GE"])}
    for n, (name, email, code, position, language, status) in enumerate(MEETING_REGISTRATIONS):
        registration = Registration(
            event=meeting,
            administration=administrations[code],
            nominated_by=focal_points.get(code),
            full_name=name,
            email=email,
            position=position,
            working_language=language,
            language=language,
            consent_to_list=n % 2 == 0,
            status=status,
            created_at=now - datetime.timedelta(days=6, hours=-n),
        )
        registration.full_clean()
        registration.save()

    webinar = Event.objects.get(slug="risk-management-webinar")
    webinar.start_time, webinar.end_time = datetime.time(10), datetime.time(11, 30)
    webinar.time_zone = "Europe/Brussels"
    webinar.full_clean()
    webinar.save()
    RegistrationSettings.objects.create(
        event=webinar,
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=13),
        capacity=100,
        audience=Audience.PUBLIC,
        ask_position=True,
    )


# The past workshop's participants: (name, email, administration code, position, mail language,
# sex, status after the event). The first two are demo logins (the member and the Georgian focal
# point), who see the participants' presentation on the event's page; one participant was absent.
WORKSHOP_PARTICIPANTS = [
    (
        "Leyla Mammadova",
        "member@customs.test",
        "AZ",
        "Head of Training",
        "en",
        "female",
        "attended",
    ),
    ("Nino Beridze", "focal.ge@customs.test", "GE", "Head of HR", "ru", "female", "attended"),
    ("Rashad Huseynov", "rashad.huseynov@customs.test", "AZ", "Trainer", "en", "male", "attended"),
    (
        "Tamar Gelashvili",
        "tamar.gelashvili@customs.test",
        "GE",
        "HR Officer",
        "ru",
        "female",
        "attended",
    ),
    (
        "Levan Gelashvili",
        "levan.gelashvili@customs.test",
        "GE",
        "Inspector",
        "ru",
        "male",
        "absent",
    ),
]
# Its evaluations, anonymous: (language, overall, usefulness, organisation, comment), answered by
# three of the four who attended (the first, third and fourth).
WORKSHOP_EVALUATIONS = [
    ("en", 5, 5, 4, "The exercises on our own training plans were the most useful part."),
    ("en", 4, 4, 5, ""),
    ("ru", 4, 5, 3, "Полезный семинар; раздаточные материалы хотелось бы получить заранее."),
]
WORKSHOP_ANSWERED_BY = [0, 2, 3]  # positions in WORKSHOP_PARTICIPANTS

# Its documents: (the library document's English title, from library.demo; kind; who sees it on
# the event's page). Each visibility once at least.
WORKSHOP_DOCUMENTS = [
    (
        "Agenda of the regional workshop on training needs analysis",
        MeetingDocument.Kind.AGENDA,
        MeetingDocument.Visibility.PUBLIC,
    ),
    (
        "Presentation: analysing training needs with the competency framework",
        MeetingDocument.Kind.PRESENTATION,
        MeetingDocument.Visibility.MEMBERS,
    ),
    (
        "Presentation: the national training needs survey of Georgia Revenue Service",
        MeetingDocument.Kind.PRESENTATION,
        MeetingDocument.Visibility.PARTICIPANTS,
    ),
    (
        "Report of the regional workshop on training needs analysis",
        MeetingDocument.Kind.REPORT,
        MeetingDocument.Visibility.PUBLIC,
    ),
]


def load_past_workshop() -> None:
    """The past event, in both languages: a workshop that ended a week ago, with its documents
    (agenda, presentations and report: public, members' and participants'), its attendance
    marked by staff (four attended, one absent), and the evaluations that three of those who
    attended gave through the form mailed to them (in English and in Russian)."""
    today, now = timezone.localdate(), timezone.now()
    workshop = Event(
        slug="training-needs-analysis-workshop",
        kind=Event.Kind.WORKSHOP,
        starts_on=today - datetime.timedelta(days=9),
        ends_on=today - datetime.timedelta(days=7),
        title_en="Regional workshop on training needs analysis",
        title_ru="Региональный семинар по анализу потребностей в обучении",
        place_en="Tbilisi, Georgia",
        place_ru="Тбилиси, Грузия",
        description_en=(
            "Training managers of the region compared their methods of training needs analysis, "
            "practised turning their administrations' needs into a yearly plan and drafted a "
            "regional training plan."
        ),
        description_ru=(
            "Руководители подразделений обучения региона сравнили свои методы анализа "
            "потребностей в обучении, учились составлять на их основе годовой план своей "
            "администрации и подготовили проект регионального плана обучения."
        ),
        status=Status.PUBLISHED,
    )
    workshop.full_clean()
    workshop.save()
    settings = RegistrationSettings(
        event=workshop,
        opens_at=now - datetime.timedelta(days=40),
        closes_at=now - datetime.timedelta(days=12),
        capacity=20,
        quota=4,
        audience=Audience.MEMBERS,
        language=EventLanguage.BOTH,
        ask_position=True,
        ask_sex=True,
    )
    settings.full_clean()
    settings.save()

    # Registered before it, marked attended or absent after it.
    administrations = {a.code: a for a in Administration.objects.filter(code__in=["AZ", "GE"])}
    emails = [email for _name, email, *_rest in WORKSHOP_PARTICIPANTS]
    accounts = {user.email: user for user in User.objects.filter(email__in=emails)}
    registrations = []
    for n, participant in enumerate(WORKSHOP_PARTICIPANTS):
        name, email, code, position, language, sex, status = participant
        registration = Registration(
            event=workshop,
            administration=administrations[code],
            user=accounts.get(email),  # the demo logins, where the accounts' demo data is loaded
            full_name=name,
            email=email,
            position=position,
            language=language,
            sex=sex,
            consent_to_list=True,
            status=status,
            created_at=now - datetime.timedelta(days=30 - n),
        )
        registration.full_clean()
        registration.save()
        registrations.append(registration)

    # The evaluation form went to those who attended, the day after; three answered.
    settings.evaluations_mailed_at = now - datetime.timedelta(days=6)
    settings.evaluations_mailed_to = sum(
        r.status == Registration.Status.ATTENDED for r in registrations
    )
    settings.save(update_fields=["evaluations_mailed_at", "evaluations_mailed_to"])
    for index, answer in zip(WORKSHOP_ANSWERED_BY, WORKSHOP_EVALUATIONS, strict=True):
        language, overall, usefulness, organisation, comment = answer
        services.event_evaluate(
            registration=registrations[index],
            overall=overall,
            usefulness=usefulness,
            organisation=organisation,
            comment=comment,
            language=language,
        )

    # Its documents are the library's demo documents (library loads first: INSTALLED_APPS order).
    titles = [title for title, _kind, _visibility in WORKSHOP_DOCUMENTS]
    documents = {d.title_en: d for d in Document.objects.filter(title_en__in=titles)}
    for position, (title, kind, visibility) in enumerate(WORKSHOP_DOCUMENTS):
        if title in documents:
            MeetingDocument.objects.create(
                event=workshop,
                document=documents[title],
                kind=kind,
                visibility=visibility,
                position=position,
            )
    services.meeting_documents_keep_private(event=workshop)
