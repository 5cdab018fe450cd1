"""The reader's profile, the export of their data and the deletion of their account."""

import json

from django.contrib.auth import get_user_model
from django.urls import reverse

from dateline.conftest import get_soup

from .conftest import PASSWORD

PROFILE = "accounts:profile"


def test_profile_needs_a_login(site, client):
    response = client.get(reverse(PROFILE))
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_profile_changes_display_name_and_notifications(site, client, reader):
    client.force_login(reader)
    page = get_soup(client, reverse(PROFILE))
    assert page.find("input", attrs={"name": "display_name"})["value"] == "Grey Gull"
    response = client.post(reverse(PROFILE), {"display_name": "Old Harbour Gull"})
    assert response.status_code == 302
    reader.refresh_from_db()
    assert reader.display_name == "Old Harbour Gull"
    assert reader.notify_replies is False  # the unticked box


def test_export_is_a_json_download_of_my_data(site, client, reader):
    client.force_login(reader)
    response = client.get(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == reader.email
    assert data["account"]["email_addresses"][0]["verified"] is True
    assert "discussion" in data


def test_deletion_needs_the_password(site, client, reader):
    client.force_login(reader)
    response = client.post(reverse("accounts:delete"), {"password": "not it"})
    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=reader.pk).exists()
    response = client.post(reverse("accounts:delete"), {"password": PASSWORD})
    assert response.status_code == 200
    assert not get_user_model().objects.filter(pk=reader.pk).exists()
    assert "_auth_user_id" not in client.session


def test_the_account_lives_on_its_own_path(site):
    assert reverse(PROFILE) == "/en/account/"
    assert reverse("accounts:export") == "/en/account/export/"
    assert reverse("accounts:delete") == "/en/account/delete/"


def test_the_old_account_addresses_redirect(site, client, reader):
    client.force_login(reader)
    for old, new in [
        ("/en/discussion/account/", "/en/account/"),
        ("/ru/discussion/account/export/", "/ru/account/export/"),
        ("/en/discussion/account/delete/", "/en/account/delete/"),
    ]:
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new
    assert client.get("/en/discussion/account/?from=mail")["Location"] == "/en/account/?from=mail"
