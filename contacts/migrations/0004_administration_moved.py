"""The foreign keys now name administrations.Administration: the same table, so the database
is untouched."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_administration_moved'),
        ('administrations', '0001_initial'),
        ('contacts', '0003_contact_points_training_centres'),
        ('experts', '0004_administration_moved'),
    ]

    operations = [
        # State only: the table and its constraints stay as they are.
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='contactpoint',
                    name='administration',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contact_points', to='administrations.administration', verbose_name='administration'),
                ),
                migrations.AlterField(
                    model_name='trainingcentre',
                    name='administration',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='training_centres', to='administrations.administration', verbose_name='administration'),
                ),
                migrations.DeleteModel(
                    name='Administration',
                ),
            ],
        ),
    ]
