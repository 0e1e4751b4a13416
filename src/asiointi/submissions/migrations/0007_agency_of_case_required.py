import django.db.models.deletion
from django.db import migrations, models


# Apart from 0006: on PostgreSQL a table cannot be altered in the transaction that updated it
# while its deferred foreign-key checks are pending.
class Migration(migrations.Migration):
    dependencies = [
        ("submissions", "0006_agency_of_case"),
    ]

    operations = [
        migrations.AlterField(
            model_name="submission",
            name="agency",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalogue.agency",
                verbose_name="agency",
            ),
        ),
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                fields=["agency", "-sent_at", "-id"], name="submission_agency_newest"
            ),
        ),
        migrations.AddIndex(
            model_name="submission",
            index=models.Index(
                fields=["agency", "status", "-sent_at", "-id"], name="submission_agency_status"
            ),
        ),
    ]
