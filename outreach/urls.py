from django.urls import path

from core.cache import cache_public_page
from outreach import views
from outreach.feeds import NewsAtomFeed, NewsFeed

app_name = "outreach"

# What each public page reads (core.generations): a write elsewhere leaves it cached.
NEWS, EVENTS, TOOLS = "outreach.NewsItem", "outreach.Event", "outreach.Tool"
# An event's page shows whether it takes registrations (not its seats, which change by the minute)
# and its public documents (a logged-in user's page, with more of them, is never cached).
EVENT_PAGE = [
    EVENTS,
    "outreach.RegistrationSettings",
    "outreach.MeetingDocument",
    "library.Document",
    "library.DocumentFile",
]

urlpatterns = [
    path(
        "news/",
        cache_public_page(views.NewsListView.as_view(), reads=NEWS, params=["page"]),
        name="news_list",
    ),
    path("news/feed/", cache_public_page(NewsFeed(), reads=NEWS), name="news_feed"),
    path("news/feed/atom/", cache_public_page(NewsAtomFeed(), reads=NEWS), name="news_atom_feed"),
    path(
        "news/<slug:slug>/",
        cache_public_page(views.NewsDetailView.as_view(), reads=NEWS),
        name="news_detail",
    ),
    path(
        "events/",
        cache_public_page(views.EventListView.as_view(), reads=EVENTS, params=["page"]),
        name="event_list",
    ),
    path(
        "events/calendar.ics",
        cache_public_page(views.events_calendar, reads=EVENTS),
        name="events_calendar",
    ),
    path("events/offers/<str:token>/", views.SeatOfferView.as_view(), name="seat_offer"),
    # No login: the signed link mailed to each participant after the event (see views).
    path(
        "events/evaluate/<str:token>/",
        views.EventEvaluationView.as_view(),
        name="event_evaluate",
    ),
    path(
        "events/<slug:slug>/",
        cache_public_page(views.EventDetailView.as_view(), reads=EVENT_PAGE),
        name="event_detail",
    ),
    # Personal: never cached (the view sends no-store).
    path("events/<slug:slug>/register/", views.EventRegisterView.as_view(), name="event_register"),
    path(
        "events/<slug:slug>/calendar.ics",
        cache_public_page(views.event_calendar, reads=EVENTS),
        name="event_calendar",
    ),
    # Files, never cached: public documents for anyone; the others after the members' check.
    path(
        "events/<slug:slug>/documents/<int:pk>/<slug:language>/",
        views.meeting_document_download,
        name="meeting_document",
    ),
    path(
        "members/events/<slug:slug>/documents/<int:pk>/<slug:language>/",
        views.meeting_material_download,
        name="meeting_material",
    ),
    path(
        "members/events/<slug:slug>/participants/",
        views.ParticipantListView.as_view(),
        name="participants",
    ),
    path("tools/", cache_public_page(views.ToolListView.as_view(), reads=TOOLS), name="tool_list"),
]
