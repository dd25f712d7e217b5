"""The foreign keys now name administrations.Administration: the same table, so the database
is untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('administrations', '0001_initial'),
    ]

    operations = [
        # State only: the table and its constraints stay as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='user',
                    name='administration',
                    field=models.ForeignKey(blank=True, help_text='The member administration this user belongs to.', null=True, on_delete=django.db.models.deletion.PROTECT, related_name='users', to='administrations.administration', verbose_name='administration'),
                ),
            ],
        ),
    ]
