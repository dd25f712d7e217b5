"""The foreign keys now name administrations.Administration: the same table, so the database
is untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('administrations', '0001_initial'),
        ('experts', '0003_name_order_indexes'),
    ]

    operations = [
        # State only: the table and its constraints stay as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='expert',
                    name='administration',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='experts', to='administrations.administration', verbose_name='administration'),
                ),
                migrations.AlterField(
                    model_name='nomination',
                    name='administration',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='nominations', to='administrations.administration', verbose_name='administration'),
                ),
            ],
        ),
    ]
