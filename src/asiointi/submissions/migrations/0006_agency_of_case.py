import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def agency_of_service(apps, schema_editor):
    """Each case sent so far belongs to the agency its service belongs to now."""
    Submission = apps.get_model("submissions", "Submission")
    Service = apps.get_model("catalogue", "Service")
    Submission.objects.filter(agency__isnull=True).update(
        agency_id=Subquery(Service.objects.filter(pk=OuterRef("service_id")).values("agency_id"))
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0001_initial"),
        ("submissions", "0005_inbox_count_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="submission",
            name="agency",
            field=models.ForeignKey(
                db_index=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalogue.agency",
                verbose_name="agency",
            ),
        ),
        migrations.RunPython(agency_of_service, migrations.RunPython.noop, elidable=True),
    ]
