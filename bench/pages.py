"""The values the benchmark's page paths are filled with, taken from the data (the busiest row of
each kind). Used by bench/probe.py on the benchmark database and by the tests on scaled data."""


def placeholders() -> dict[str, str]:
    from django.db.models import Count

    from administrations.models import Administration
    from competencies.models import JobPosition
    from experts.models import Expert
    from needs.models import NeedsRequest
    from outreach.models import NewsItem, RegistrationSettings
    from workplan.models import Activity, ReportingPeriod

    activity = (
        Activity.objects.filter(goal__plan__is_current=True)
        .select_related("goal")
        .annotate(entries=Count("indicators__actuals"))
        .order_by("-entries", "goal__number", "sequence")
        .first()
    )
    position = (
        JobPosition.objects.annotate(required=Count("requirements"))
        .order_by("-required", "slug")
        .first()
    )
    expert = (
        Expert.objects.annotate(areas_count=Count("areas"))
        .order_by("-areas_count", "pk")
        .only("pk")
        .first()
    )
    # The delivered request with the most areas of expertise: the most experts to rank. Delivered,
    # so that its page shows no next step, whose form lists every work-plan activity (500 in the
    # scale data): the figure is the ranking's, not that list's.
    need = (
        NeedsRequest.objects.filter(status="delivered")
        .annotate(areas_count=Count("areas"))
        .order_by("-areas_count", "pk")
        .only("pk")
        .first()
    )
    # The newest approved period: the report the Work Plan page links.
    period = ReportingPeriod.objects.approved().order_by("-starts_on").first()
    return {
        "activity": activity.number,
        "period": period.identifier,
        "need": str(need.pk),
        "news": NewsItem.objects.published().values_list("slug", flat=True).first(),
        "position": position.slug,
        "expert": str(expert.pk),
        "az": str(Administration.objects.get(code="AZ").pk),
        "meeting": RegistrationSettings.objects.values_list("event__slug", flat=True).first(),
    }
