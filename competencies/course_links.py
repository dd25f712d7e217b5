"""Which competencies of the framework the WCO e-learning courses the office promotes build: the
links a member's self-assessment offers for a gap, and a competency's page lists.

The courses are the seeds' (outreach migration `0003_seed_tools`, seed 003: "new e-learning
courses" on the Revised Kyoto Convention, Post-Clearance Audit, Risk Management, Coordinated
Border Management, and the Introduction to Leadership and Management that prepares for the LMD
workshops). The seeds name no competency of the office's dictionary (seed 001 gives its 80
competencies only as a count in three families), so the links name the competencies of the
starter dictionary (`starter.py`) by code, as the office would link them:

- the customs-technical courses build *customs procedures and regimes* (OP-01: the Revised
  Kyoto Convention is the convention on customs procedures; audit after release and the
  agencies' cooperation at the border are procedures too) and *WCO instruments and tools*
  (OP-02: each course teaches a WCO instrument: the RKC, the PCA guidelines, the Risk
  Management Compendium, the CBM compendium);
- post-clearance audit reads traders' accounts: *financial management* (SU-01);
- risk management is deciding where to put scarce resources: *strategic thinking* (MB-01);
- coordinated border management is working with other agencies and countries: *teamwork and
  cooperation* (MB-06);
- the leadership course builds *strategic thinking*, *leading and developing people* and
  *planning and organising* (MB-01, MB-02, MB-03).

Where the links land: one mapping, applied by migration `0006_course_links` and by the demo data.
A fresh production database has the courses but no competency (the office enters its own, from
its dictionary): the migration links nothing there, and staff link each of the office's
competencies to its courses in the admin (a competency's *e-learning courses and tools*). A code
of the starter dictionary may mean something else in the office's own, so nothing links by code
later on its own. A database that still holds starter competencies (migration 0004 kept those
the office had edited or used) gets the links from the migration; the demo data (`make run`),
which loads the starter dictionary, gets them from `demo.py`. Links are only ever added: the
office's own links and removals stay.
"""

# course (outreach.Tool slug) -> the codes of the competencies it builds
COURSE_COMPETENCIES: dict[str, tuple[str, ...]] = {
    "revised-kyoto-convention": ("OP-01", "OP-02"),
    "post-clearance-audit": ("OP-01", "OP-02", "SU-01"),
    "risk-management": ("OP-02", "MB-01"),
    "coordinated-border-management": ("OP-01", "OP-02", "MB-06"),
    "introduction-leadership-management": ("MB-01", "MB-02", "MB-03"),
}


def course_links_apply(*, tool_model, competency_model) -> int:
    """Add the links of COURSE_COMPETENCIES between the courses and competencies the database
    holds (models passed in: the migration's historical ones, or the app's). Returns how many
    links were added; links already there are left as they are."""
    tools = dict(tool_model.objects.filter(slug__in=COURSE_COMPETENCIES).values_list("slug", "pk"))
    codes = {code for linked in COURSE_COMPETENCIES.values() for code in linked}
    competencies = dict(competency_model.objects.filter(code__in=codes).values_list("code", "pk"))
    through = competency_model.learning_resources.through
    wanted = {
        (competencies[code], tools[slug])
        for slug, linked in COURSE_COMPETENCIES.items()
        if slug in tools
        for code in linked
        if code in competencies
    }
    existing = set(
        through.objects.filter(
            competency_id__in=competencies.values(), tool_id__in=tools.values()
        ).values_list("competency_id", "tool_id")
    )
    added = sorted(wanted - existing)
    through.objects.bulk_create(
        through(competency_id=competency, tool_id=tool) for competency, tool in added
    )
    return len(added)
