"""The seeds' e-learning courses linked to the competencies they build (`competencies.course_links`,
which says how the office chose the links and where they land). On a fresh production database,
which holds no competency yet, it links nothing: staff link the office's own competencies in the
admin. Links are only added, never removed, forwards or backwards."""

from django.db import migrations


def link_courses(apps, schema_editor):
    from competencies.course_links import course_links_apply

    course_links_apply(
        tool_model=apps.get_model("outreach", "Tool"),
        competency_model=apps.get_model("competencies", "Competency"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("competencies", "0005_consultation"),
        # The courses are the seeded tools.
        ("outreach", "0003_seed_tools"),
    ]

    operations = [migrations.RunPython(link_courses, migrations.RunPython.noop)]
