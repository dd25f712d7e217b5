"""E-learning courses: their languages, length, format and enrolment link (both languages)."""

import django.contrib.postgres.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('outreach', '0004_event_times_and_registrations'),
    ]

    operations = [
        migrations.AddField(
            model_name='tool',
            name='course_format',
            field=models.CharField(blank=True, choices=[('self_paced', "Online, at one's own pace"), ('tutored', 'Online, with a tutor'), ('blended', 'Online, then a workshop'), ('webinar', 'Webinar')], max_length=20, verbose_name='format'),
        ),
        migrations.AddField(
            model_name='tool',
            name='course_languages',
            field=django.contrib.postgres.fields.ArrayField(base_field=models.CharField(choices=[('en', 'English'), ('fr', 'French'), ('es', 'Spanish'), ('ru', 'Russian'), ('ar', 'Arabic'), ('pt', 'Portuguese')], max_length=2), blank=True, default=list, verbose_name='course languages'),
        ),
        migrations.AddField(
            model_name='tool',
            name='course_length',
            field=models.CharField(blank=True, help_text='How long the course takes, as learners would say it: “about 3 hours”.', max_length=100, verbose_name='length'),
        ),
        migrations.AddField(
            model_name='tool',
            name='course_length_en',
            field=models.CharField(blank=True, help_text='How long the course takes, as learners would say it: “about 3 hours”.', max_length=100, null=True, verbose_name='length'),
        ),
        migrations.AddField(
            model_name='tool',
            name='course_length_ru',
            field=models.CharField(blank=True, help_text='How long the course takes, as learners would say it: “about 3 hours”.', max_length=100, null=True, verbose_name='length'),
        ),
        migrations.AddField(
            model_name='tool',
            name='enrol_url',
            field=models.URLField(blank=True, help_text="The page where one enrols in this course, not the platform's home page.", verbose_name='enrolment link'),
        ),
        migrations.AddField(
            model_name='tool',
            name='enrol_url_en',
            field=models.URLField(blank=True, help_text="The page where one enrols in this course, not the platform's home page.", null=True, verbose_name='enrolment link'),
        ),
        migrations.AddField(
            model_name='tool',
            name='enrol_url_ru',
            field=models.URLField(blank=True, help_text="The page where one enrols in this course, not the platform's home page.", null=True, verbose_name='enrolment link'),
        ),
        migrations.AddConstraint(
            model_name='tool',
            constraint=models.CheckConstraint(condition=models.Q(('course_format', ''), ('course_format__in', ['self_paced', 'tutored', 'blended', 'webinar']), _connector='OR'), name='outreach_tool_course_format_valid'),
        ),
    ]
