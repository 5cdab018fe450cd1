import secrets

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib.auth.hashers import make_password


class AccountAdapter(DefaultAccountAdapter):
    def populate_username(self, request, user):
        """Readers log in with their e-mail: their user name must not be made from it.

        allauth would derive it from the address (jane.doe@... -> jane.doe), and the user name
        is the public name of a reader without a display name.
        """
        if not user.username:
            user.username = f"reader-{secrets.token_hex(4)}"

    def send_account_already_exists_mail(self, email):
        """Signing up with a known address: instead of the new account, an e-mail to its
        owner. Hash a password all the same, as creating the account would have: the slow
        hash must not tell a known address from an unknown one by the time it takes."""
        make_password(secrets.token_urlsafe(16))
        super().send_account_already_exists_mail(email)
