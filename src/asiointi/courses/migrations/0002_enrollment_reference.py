from django.db import migrations, models

import asiointi.customers.reference


def fill(apps, schema_editor):
    Enrollment = apps.get_model("courses", "Enrollment")
    used = set()
    for enrollment in Enrollment.objects.only("pk").iterator():
        reference = asiointi.customers.reference.reference_new()
        while reference in used:
            reference = asiointi.customers.reference.reference_new()
        used.add(reference)
        Enrollment.objects.filter(pk=enrollment.pk).update(reference=reference)


class Migration(migrations.Migration):
    dependencies = [("courses", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="enrollment",
            name="reference",
            field=models.CharField(editable=False, max_length=12, null=True, verbose_name="reference"),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="enrollment",
            name="reference",
            field=models.CharField(
                default=asiointi.customers.reference.reference_new,
                editable=False,
                max_length=12,
                unique=True,
                verbose_name="reference",
            ),
        ),
    ]
