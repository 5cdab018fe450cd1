"""The admin's account page links to two-factor sign-in (allauth.mfa's pages)."""

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks


@hooks.register("register_account_menu_item")
def two_factor_sign_in(request):
    return {
        "url": reverse("mfa_index"),
        "label": _("Two-factor sign-in"),
        "help_text": _("Codes from an authenticator app, and recovery codes, when you sign in."),
    }
