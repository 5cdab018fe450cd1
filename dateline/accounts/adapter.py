import secrets

from allauth.account.adapter import DefaultAccountAdapter


class AccountAdapter(DefaultAccountAdapter):
    """Readers log in with their e-mail: their user name must not be made from it.

    allauth would derive it from the address (jane.doe@... -> jane.doe), and the user name
    is the public name of a reader without a display name.
    """

    def populate_username(self, request, user):
        if not user.username:
            user.username = f"reader-{secrets.token_hex(4)}"
