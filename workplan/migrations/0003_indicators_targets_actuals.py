"""The results framework's tables: indicators, targets and actuals per period (with the
actual's breakdown) and the review status of a period's report. The old per-activity figures
and progress entries stay until 0004 has moved them (0005 removes them)."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('administrations', '0002_account_request'),
        ('library', '0003_newest_documents_index'),
        ('workplan', '0002_seed_plan'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Actual',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='value')),
                ('narrative', models.TextField(blank=True, verbose_name='narrative')),
                ('narrative_en', models.TextField(blank=True, null=True, verbose_name='narrative')),
                ('narrative_ru', models.TextField(blank=True, null=True, verbose_name='narrative')),
                ('evidence_url', models.URLField(blank=True, verbose_name='evidence: a link')),
                ('reported_on', models.DateField(default=django.utils.timezone.localdate, verbose_name='reported on')),
            ],
            options={
                'verbose_name': 'actual',
                'verbose_name_plural': 'actuals',
                'ordering': ['indicator_id', '-period__starts_on'],
                'default_related_name': 'actuals',
            },
        ),
        migrations.CreateModel(
            name='ActualBreakdown',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sex', models.CharField(blank=True, choices=[('female', 'Women'), ('male', 'Men')], max_length=10, verbose_name='sex')),
                ('value', models.DecimalField(decimal_places=2, max_digits=14, validators=[django.core.validators.MinValueValidator(0)], verbose_name='value')),
            ],
            options={
                'verbose_name': 'breakdown of an actual',
                'verbose_name_plural': 'breakdown of the actual',
                'ordering': ['actual_id', 'administration__code', 'sex'],
            },
        ),
        migrations.CreateModel(
            name='Indicator',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('position', models.PositiveSmallIntegerField(default=1, verbose_name='position')),
                ('name', models.TextField(verbose_name='indicator')),
                ('name_en', models.TextField(null=True, verbose_name='indicator')),
                ('name_ru', models.TextField(null=True, verbose_name='indicator')),
                ('measure', models.CharField(choices=[('number', 'Number'), ('percentage', 'Percentage'), ('yes_no', 'Yes or no'), ('qualitative', 'Qualitative (described in words)')], default='number', max_length=20, verbose_name='measure')),
                ('unit', models.CharField(blank=True, help_text='What a number counts, e.g. “participants trained”.', max_length=100, verbose_name='unit')),
                ('unit_en', models.CharField(blank=True, help_text='What a number counts, e.g. “participants trained”.', max_length=100, null=True, verbose_name='unit')),
                ('unit_ru', models.CharField(blank=True, help_text='What a number counts, e.g. “participants trained”.', max_length=100, null=True, verbose_name='unit')),
                ('direction', models.CharField(choices=[('higher', 'Higher is better'), ('lower', 'Lower is better')], default='higher', max_length=10, verbose_name='direction')),
                ('baseline_value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='baseline')),
                ('baseline_year', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(2000), django.core.validators.MaxValueValidator(2100)], verbose_name='baseline year')),
                ('end_target', models.DecimalField(blank=True, decimal_places=2, help_text='Where the indicator should be when the plan ends; targets per period below.', max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name="target at the plan's end")),
                ('means_of_verification', models.TextField(blank=True, help_text='Where the figure comes from, e.g. “attendance lists of the workshops”.', verbose_name='means of verification')),
                ('means_of_verification_en', models.TextField(blank=True, help_text='Where the figure comes from, e.g. “attendance lists of the workshops”.', null=True, verbose_name='means of verification')),
                ('means_of_verification_ru', models.TextField(blank=True, help_text='Where the figure comes from, e.g. “attendance lists of the workshops”.', null=True, verbose_name='means of verification')),
                ('counts_people', models.BooleanField(default=False, help_text='Actuals may then be broken down by sex.', verbose_name='counts people')),
            ],
            options={
                'verbose_name': 'indicator',
                'verbose_name_plural': 'indicators',
                'ordering': ['activity_id', 'position', 'id'],
            },
        ),
        migrations.CreateModel(
            name='Target',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('value', models.DecimalField(blank=True, decimal_places=2, max_digits=14, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='value')),
                ('note', models.CharField(blank=True, help_text='The target in words, for an indicator described in words.', max_length=300, verbose_name='note')),
                ('note_en', models.CharField(blank=True, help_text='The target in words, for an indicator described in words.', max_length=300, null=True, verbose_name='note')),
                ('note_ru', models.CharField(blank=True, help_text='The target in words, for an indicator described in words.', max_length=300, null=True, verbose_name='note')),
            ],
            options={
                'verbose_name': 'target',
                'verbose_name_plural': 'targets',
                'ordering': ['indicator_id', 'period__starts_on'],
                'default_related_name': 'targets',
            },
        ),
        migrations.AlterModelOptions(
            name='reportingperiod',
            options={'ordering': ['-starts_on'], 'permissions': [('review_reportingperiod', "Can approve, return and reopen a period's report")], 'verbose_name': 'reporting period', 'verbose_name_plural': 'reporting periods'},
        ),
        migrations.AddField(
            model_name='reportingperiod',
            name='report_status',
            field=models.CharField(choices=[('draft', 'Draft'), ('submitted', 'Submitted for review'), ('returned', 'Returned for changes'), ('approved', 'Approved')], db_index=True, default='draft', max_length=20, verbose_name='report status'),
        ),
        migrations.AddField(
            model_name='reportingperiod',
            name='review_comment',
            field=models.TextField(blank=True, help_text='Why the report was returned or reopened, for those who prepare it.', verbose_name="reviewer's comment"),
        ),
        migrations.AddField(
            model_name='reportingperiod',
            name='reviewed_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='workplan_reviewed_periods', to=settings.AUTH_USER_MODEL, verbose_name='reviewed by'),
        ),
        migrations.AddField(
            model_name='reportingperiod',
            name='reviewed_on',
            field=models.DateTimeField(blank=True, null=True, verbose_name='reviewed on'),
        ),
        migrations.AddField(
            model_name='reportingperiod',
            name='submitted_on',
            field=models.DateTimeField(blank=True, null=True, verbose_name='submitted on'),
        ),
        migrations.AlterField(
            model_name='activity',
            name='indicator',
            field=models.TextField(blank=True, help_text='The indicators in words, as the plan states them. Each one that is measured is also recorded as an indicator below, with its baseline, targets and actuals.', verbose_name='indicator'),
        ),
        migrations.AlterField(
            model_name='activity',
            name='indicator_en',
            field=models.TextField(blank=True, help_text='The indicators in words, as the plan states them. Each one that is measured is also recorded as an indicator below, with its baseline, targets and actuals.', null=True, verbose_name='indicator'),
        ),
        migrations.AlterField(
            model_name='activity',
            name='indicator_ru',
            field=models.TextField(blank=True, help_text='The indicators in words, as the plan states them. Each one that is measured is also recorded as an indicator below, with its baseline, targets and actuals.', null=True, verbose_name='indicator'),
        ),
        migrations.AddField(
            model_name='actual',
            name='author',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='workplan_actuals', to=settings.AUTH_USER_MODEL, verbose_name='reported by'),
        ),
        migrations.AddField(
            model_name='actual',
            name='evidence_document',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='workplan_actuals', to='library.document', verbose_name='evidence: a library document'),
        ),
        migrations.AddField(
            model_name='actual',
            name='period',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='workplan.reportingperiod', verbose_name='reporting period'),
        ),
        migrations.AddField(
            model_name='actualbreakdown',
            name='actual',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='breakdown', to='workplan.actual', verbose_name='actual'),
        ),
        migrations.AddField(
            model_name='actualbreakdown',
            name='administration',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='workplan_breakdowns', to='administrations.administration', verbose_name='administration'),
        ),
        migrations.AddField(
            model_name='indicator',
            name='activity',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='indicators', to='workplan.activity', verbose_name='activity'),
        ),
        migrations.AddField(
            model_name='actual',
            name='indicator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='workplan.indicator', verbose_name='indicator'),
        ),
        migrations.AddField(
            model_name='target',
            name='indicator',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, to='workplan.indicator', verbose_name='indicator'),
        ),
        migrations.AddField(
            model_name='target',
            name='period',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, to='workplan.reportingperiod', verbose_name='reporting period'),
        ),
        migrations.AddConstraint(
            model_name='actualbreakdown',
            constraint=models.CheckConstraint(condition=models.Q(('administration__isnull', False), models.Q(('sex', ''), _negated=True), _connector='OR'), name='workplan_breakdown_names_a_group', violation_error_message='Give the administration, the sex or both.'),
        ),
        migrations.AddConstraint(
            model_name='actualbreakdown',
            constraint=models.UniqueConstraint(fields=('actual', 'administration', 'sex'), name='workplan_breakdown_group_once', nulls_distinct=False, violation_error_message='This group is already in the breakdown.'),
        ),
        migrations.AddConstraint(
            model_name='indicator',
            constraint=models.UniqueConstraint(fields=('activity', 'position'), name='workplan_indicator_position_unique_in_activity', violation_error_message='The activity already has an indicator at this place.'),
        ),
        migrations.AddIndex(
            model_name='actual',
            index=models.Index(fields=['period', 'indicator'], name='workplan_actual_period'),
        ),
        migrations.AddConstraint(
            model_name='actual',
            constraint=models.UniqueConstraint(fields=('indicator', 'period'), name='workplan_one_actual_per_period', violation_error_message='The indicator already has an actual for this period.'),
        ),
        migrations.AddConstraint(
            model_name='target',
            constraint=models.UniqueConstraint(fields=('indicator', 'period'), name='workplan_one_target_per_period', violation_error_message='The indicator already has a target for this period.'),
        ),
    ]
