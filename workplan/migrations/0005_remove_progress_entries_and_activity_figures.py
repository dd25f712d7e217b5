"""The per-activity unit, baseline and target and the progress entries, now that 0004 has
moved them into indicators and actuals."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("workplan", "0004_move_progress_into_indicators")]

    operations = [
        migrations.RemoveConstraint(
            model_name='progressentry',
            name='workplan_one_progress_entry_per_period',
        ),
        migrations.RemoveField(
            model_name='activity',
            name='baseline',
        ),
        migrations.RemoveField(
            model_name='activity',
            name='target',
        ),
        migrations.RemoveField(
            model_name='activity',
            name='unit',
        ),
        migrations.RemoveField(
            model_name='activity',
            name='unit_en',
        ),
        migrations.RemoveField(
            model_name='activity',
            name='unit_ru',
        ),
        migrations.RemoveField(
            model_name='progressentry',
            name='activity',
        ),
        migrations.RemoveField(
            model_name='progressentry',
            name='author',
        ),
        migrations.RemoveField(
            model_name='progressentry',
            name='period',
        ),
        migrations.DeleteModel(
            name='ProgressEntry',
        ),
    ]
