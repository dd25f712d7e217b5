"""Administration moves here from `contacts`, keeping its table's rows, its history and its
permissions: the table is renamed and the content type relabelled; no row is copied."""

import django.core.validators
from django.db import migrations, models


def relabel_content_type(apps, schema_editor, old="contacts", new="administrations"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label=old, model="administration").update(app_label=new)


def restore_content_type(apps, schema_editor):
    relabel_content_type(apps, schema_editor, old="administrations", new="contacts")


class Migration(migrations.Migration):

    initial = True

    # After every migration that made a foreign key to the old table.
    dependencies = [
        ("accounts", "0001_initial"),
        ("contacts", "0003_contact_points_training_centres"),
        ("experts", "0003_name_order_indexes"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.RunSQL(
                    "ALTER TABLE contacts_administration RENAME TO administrations_administration",
                    reverse_sql="ALTER TABLE administrations_administration RENAME TO contacts_administration",
                ),
            ],
            state_operations=[
                migrations.CreateModel(
                    name='Administration',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('code', models.CharField(help_text='ISO 3166-1 alpha-2 code, e.g. AZ; EU for the European Union.', max_length=2, unique=True, validators=[django.core.validators.RegexValidator('^[A-Z]{2}$', 'Use the two-letter ISO code in capitals.')], verbose_name='country code')),
                        ('name', models.CharField(max_length=200, verbose_name='name')),
                        ('name_en', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('name_ru', models.CharField(max_length=200, null=True, verbose_name='name')),
                        ('is_member', models.BooleanField(db_index=True, default=True, verbose_name='member of the region')),
                        ('is_rtc', models.BooleanField(db_index=True, default=False, verbose_name='hosts a Regional Training Centre')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                    ],
                    options={
                        'verbose_name': 'administration',
                        'verbose_name_plural': 'administrations',
                        'ordering': ['name'],
                    },
                ),
            ],
        ),
        migrations.RunPython(relabel_content_type, restore_content_type),
    ]
