import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("caching", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="cachedurl",
            name="since",
            field=models.DateTimeField(default=django.utils.timezone.now),
            preserve_default=False,
        ),
        # The tags of a row were collected since it was first seen: the old column said so.
        migrations.RunSQL("UPDATE caching_cachedurl SET since = seen", migrations.RunSQL.noop),
        migrations.AlterField(
            model_name="cachedurl",
            name="seen",
            field=models.DateTimeField(db_index=True),
        ),
    ]
