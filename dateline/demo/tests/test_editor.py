"""The demo's editor account: created once, its password always the one printed."""

import pytest
from django.contrib.auth import get_user_model

from dateline.demo import editor, loading


@pytest.mark.django_db
def test_editor_account_is_refreshed_with_the_password_from_the_environment(monkeypatch):
    user, created = editor.ensure_editor()
    assert created and user.check_password("dateline-demo")
    monkeypatch.setenv("DATELINE_DEMO_PASSWORD", "harbour-lights-42")
    user, created = editor.ensure_editor()
    assert not created and user.check_password("harbour-lights-42")
    assert get_user_model().objects.filter(username="editor").count() == 1
    assert "Password: harbour-lights-42" in loading.access_lines()
