"""Nominations: a focal point may withdraw a pending one (never reviewed), and when they last
corrected it."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('administrations', '0003_access_log'),
        ('experts', '0006_expert_own_record'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='nomination',
            name='experts_nomination_reviewed_when_decided',
        ),
        migrations.AddField(
            model_name='nomination',
            name='corrected_at',
            field=models.DateTimeField(blank=True, help_text='When the focal point last corrected the pending nomination.', null=True, verbose_name='corrected'),
        ),
        migrations.AlterField(
            model_name='nomination',
            name='status',
            field=models.CharField(choices=[('pending', 'Pending review'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('withdrawn', 'Withdrawn by the focal point')], db_index=True, default='pending', max_length=10, verbose_name='status'),
        ),
        migrations.AddConstraint(
            model_name='nomination',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('reviewed_at__isnull', True), ('status__in', ['pending', 'withdrawn'])), models.Q(models.Q(('status__in', ['pending', 'withdrawn']), _negated=True), ('reviewed_at__isnull', False)), _connector='OR'), name='experts_nomination_reviewed_when_decided', violation_error_message='A decided nomination has a review date.'),
        ),
    ]
