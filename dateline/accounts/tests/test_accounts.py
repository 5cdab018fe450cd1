"""Readers' accounts: the user model and the login and registration the article links to."""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import IntegrityError, transaction

from dateline.conftest import get_soup, url_in

User = get_user_model()


class TestUserModel:
    def test_custom_user_model(self):
        assert User._meta.label == "accounts.User"

    def test_public_name(self):
        user = User(username="ana", first_name="Ana", last_name="Reyes")
        assert user.public_name == "Ana Reyes"
        user.display_name = "Harbour Watcher"
        assert user.public_name == "Harbour Watcher"
        assert User(username="leo").public_name == "leo"

    @pytest.mark.django_db
    def test_emails_are_unique_whatever_their_case(self):
        User.objects.create_user(username="one", email="Reader@Example.org")
        with pytest.raises(IntegrityError), transaction.atomic():
            User.objects.create_user(username="two", email="reader@example.org")

    @pytest.mark.django_db
    def test_many_accounts_may_have_no_email(self):
        User.objects.create_user(username="one", email="")
        User.objects.create_user(username="two", email="")
        assert User.objects.filter(email="").count() == 2


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("name", ["account_login", "account_signup", "account_reset_password"])
def test_account_pages_render_in_each_edition(site, client, language, name):
    page = get_soup(client, url_in(language, name))
    assert page.find("html")["lang"] == language
    form = page.find("main").find("form", method=lambda m: m and m.lower() == "post")
    assert form is not None
    assert form.find("input", attrs={"name": "csrfmiddlewaretoken"}) is not None


class TestRegistration:
    def test_registration_asks_to_verify_the_email(self, site, client):
        response = client.post(
            url_in("en", "account_signup"),
            {
                "email": "new.reader@example.org",
                "password1": "a long harbour passphrase",
                "password2": "a long harbour passphrase",
            },
        )
        assert response.status_code == 302
        user = User.objects.get(email="new.reader@example.org")
        assert not user.is_staff
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["new.reader@example.org"]

    def test_an_unverified_reader_cannot_log_in_yet(self, site, client):
        client.post(
            url_in("en", "account_signup"),
            {
                "email": "new.reader@example.org",
                "password1": "a long harbour passphrase",
                "password2": "a long harbour passphrase",
            },
        )
        client.logout()
        response = client.post(
            url_in("en", "account_login"),
            {"login": "new.reader@example.org", "password": "a long harbour passphrase"},
        )
        assert response.status_code == 302
        assert "_auth_user_id" not in client.session

    def test_login_returns_to_the_article(self, site, client, django_user_model):
        from allauth.account.models import EmailAddress

        user = django_user_model.objects.create_user(
            username="reader", email="reader@example.org", password="a long harbour passphrase"
        )
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        response = client.post(
            f"{url_in('en', 'account_login')}?next={site.article.url}",
            {
                "login": "reader@example.org",
                "password": "a long harbour passphrase",
                "next": site.article.url,
            },
        )
        assert response.status_code == 302
        assert response["Location"] == site.article.url
        assert int(client.session["_auth_user_id"]) == user.pk


class TestReaderNames:
    def test_user_name_is_not_made_from_the_email(self, site, client):
        client.post(
            url_in("en", "account_signup"),
            {
                "email": "jane.harbour@example.org",
                "password1": "a long harbour passphrase",
                "password2": "a long harbour passphrase",
                "display_name": "Harbour Jane",
            },
        )
        user = User.objects.get(email="jane.harbour@example.org")
        assert "jane" not in user.username
        assert user.public_name == "Harbour Jane"

    def test_signup_asks_for_the_name_shown(self, site, client):
        page = get_soup(client, url_in("en", "account_signup"))
        assert page.find("input", attrs={"name": "display_name"}) is not None
