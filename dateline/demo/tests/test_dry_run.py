"""A dry run on an empty site plans the whole demo and writes nothing."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from dateline.mediabank.models import Photo


@pytest.mark.django_db
def test_dry_run_writes_nothing():
    pages = Page.objects.count()
    output = io.StringIO()
    call_command("load_demo", "--dry-run", "--articles", "500", stdout=output, verbosity=0)
    assert Page.objects.count() == pages and not Photo.objects.exists()
    report = output.getvalue()
    assert re.search(r"200\s+English articles", report)
    assert re.search(r"300\s+archive articles", report)
