"""Two-factor sign-in for staff (allauth.mfa), and the setting requiring it (docs/security.md)."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import (
    SECRET_SESSION_KEY,
    TOTP,
    format_hotp_value,
    generate_totp_secret,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.urls import reverse

from dateline.conftest import url_in

from .conftest import STAFF_PASSWORD
from .test_staff_sign_in import sign_in


def current_code(secret):
    return format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))


@pytest.fixture
def secret(reporter):
    secret = generate_totp_secret()
    TOTP.activate(reporter, secret)
    return secret


def code_page():
    return url_in("en", "mfa_reauthenticate")


def test_a_password_alone_does_not_open_the_admin(site, client, reporter, secret):
    response = sign_in(client, "tern", STAFF_PASSWORD)
    assert response.status_code == 302
    for url in ("/admin/", "/admin/pages/", url_in("en", "accounts:profile")):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(code_page()), url
    # Writing is refused too, never reaching the view.
    response = client.post(url_in("en", "accounts:delete"), {"password": STAFF_PASSWORD})
    assert response.status_code == 302
    assert response["Location"].startswith(code_page())
    assert Authenticator.objects.filter(user=reporter).exists()


def test_the_code_opens_the_admin(site, client, reporter, secret):
    sign_in(client, "tern", STAFF_PASSWORD)
    asked = client.get("/admin/pages/")
    wrong = client.post(asked["Location"], {"code": "000000"})
    assert wrong.status_code == 200
    assert client.get("/admin/").status_code == 302
    right = client.post(asked["Location"], {"code": current_code(secret)})
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_recovery_code_stands_in_for_the_app(site, client, reporter, secret):
    codes = RecoveryCodes.activate(reporter).get_unused_codes()
    sign_in(client, "tern", STAFF_PASSWORD)
    response = client.post(code_page(), {"code": codes[0]})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    # Each recovery code works once.
    client.logout()
    sign_in(client, "tern", STAFF_PASSWORD)
    assert client.post(code_page(), {"code": codes[0]}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_wrong_codes_are_throttled(site, client, reporter, secret):
    sign_in(client, "tern", STAFF_PASSWORD)
    for n in range(5):
        client.post(code_page(), {"code": f"{n:06d}"})
    page = client.post(code_page(), {"code": current_code(secret)}).content.decode()
    assert "Too many failed login attempts" in page
    assert client.get("/admin/").status_code == 302


def test_staff_without_two_factor_sign_in_as_before(site, client, reporter):
    sign_in(client, "tern", STAFF_PASSWORD)
    assert client.get("/admin/").status_code == 200


def test_when_required_staff_set_it_up_before_the_admin_opens(
    site,
    client,
    reporter,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.DATELINE_STAFF_REQUIRE_TWO_FACTOR = True
    sign_in(client, "tern", STAFF_PASSWORD)
    response = client.get("/admin/")
    assert response["Location"] == url_in("en", "mfa_activate_totp")
    # Setting it up asks for the password again (allauth), then for a code of the app.
    response = client.get(response["Location"])
    assert response.status_code == 302
    assert response["Location"].startswith(url_in("en", "account_reauthenticate"))
    response = client.post(response["Location"], {"password": STAFF_PASSWORD})
    assert response.status_code == 302
    page = client.get(url_in("en", "mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session[SECRET_SESSION_KEY]  # the one the page shows
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url_in("en", "mfa_activate_totp"), {"code": current_code(secret)})
    assert response.status_code == 302
    # Recovery codes come with it; the code given opens the admin in this session.
    assert Authenticator.objects.filter(user=reporter).count() == 2
    assert client.get("/admin/").status_code == 200


def test_when_required_readers_are_not_asked(site, client, settings, django_user_model):
    settings.DATELINE_STAFF_REQUIRE_TWO_FACTOR = True
    reader = django_user_model.objects.create_user(username="puffin", password=STAFF_PASSWORD)
    client.force_login(reader)
    assert client.get(url_in("en", "accounts:profile")).status_code == 200
    # The admin stays closed to readers as before: its login, not the set-up page.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_when_required_a_session_older_than_the_app_is_asked_for_a_code(
    site,
    client,
    reporter,
    settings,
):
    settings.DATELINE_STAFF_REQUIRE_TWO_FACTOR = True
    client.force_login(reporter)
    assert client.get("/admin/")["Location"] == url_in("en", "mfa_activate_totp")
    # Set up from another browser meanwhile.
    TOTP.activate(reporter, generate_totp_secret())
    assert client.get("/admin/")["Location"].startswith(code_page())


def test_the_admin_account_page_links_to_two_factor_sign_in(site, client, reporter):
    client.force_login(reporter)
    page = client.get(reverse("wagtailadmin_account")).content.decode()
    assert f'href="{url_in("en", "mfa_index")}"' in page
    assert client.get(url_in("en", "mfa_index")).status_code == 200
