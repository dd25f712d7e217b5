"""Public outreach pages. Each is cached per language in urls.py (core.cache.cache_public_page)."""

from django.http import HttpResponse
from django.views.generic import DetailView, ListView, TemplateView

from outreach import selectors
from outreach.calendar import event_calendar as calendar_file


class NewsListView(ListView):
    template_name = "outreach/newsitem_list.html"
    context_object_name = "news"
    paginate_by = 10

    def get_queryset(self):
        return selectors.news_list()


class NewsDetailView(DetailView):
    template_name = "outreach/newsitem_detail.html"
    context_object_name = "item"

    def get_object(self, queryset=None):
        return selectors.news_detail(slug=self.kwargs["slug"])


class EventListView(ListView):
    """Upcoming events first, then the past ones, paginated."""

    template_name = "outreach/event_list.html"
    context_object_name = "past_events"
    paginate_by = 20

    def get_queryset(self):
        return selectors.past_events()

    def get_context_data(self, **kwargs):
        return super().get_context_data(upcoming_events=selectors.upcoming_events(), **kwargs)


class EventDetailView(DetailView):
    template_name = "outreach/event_detail.html"
    context_object_name = "event"

    def get_object(self, queryset=None):
        return selectors.event_detail(slug=self.kwargs["slug"])


def event_calendar(request, slug):
    """The event as an .ics download."""
    event = selectors.event_detail(slug=slug)
    content = calendar_file(
        event,
        url=request.build_absolute_uri(event.get_absolute_url()),
        host=request.get_host(),
    )
    return HttpResponse(
        content,
        content_type="text/calendar; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{event.slug}.ics"'},
    )


class ToolListView(TemplateView):
    template_name = "outreach/tool_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(groups=selectors.tools_by_kind(), **kwargs)
