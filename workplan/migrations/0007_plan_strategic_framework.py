# The Work Plan page links the plan's Strategic Framework Document, a public library document.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_newest_documents_index"),
        ("workplan", "0006_computed_indicators"),
    ]

    operations = [
        migrations.AddField(
            model_name="plan",
            name="strategic_framework",
            field=models.ForeignKey(
                blank=True,
                error_messages={
                    "invalid": "Choose a public document of the library: the Work Plan page "
                    "links it for every visitor."
                },
                help_text="A public library document, linked from the Work Plan page.",
                limit_choices_to={"visibility": "public"},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="library.document",
                verbose_name="Strategic Framework Document",
            ),
        ),
    ]
