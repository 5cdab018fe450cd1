"""The newsroom's sign-in: Wagtail's admin login throttled, and two-factor sign-in for staff.

- StaffLoginForm is Wagtail's login form (WAGTAILADMIN_USER_LOGIN_FORM) behind two throttles
  of failed attempts (throttles.py): per account and per client address. A locked account
  is refused with the right password too, until its window has passed.
- Two-factor sign-in is allauth's (allauth.mfa: an authenticator app's codes, TOTP, and
  recovery codes), managed at the readers' account pages (/<edition>/accounts/2fa/). Someone
  who has it and signed in with a password alone (Wagtail's admin login does not know about
  it) is asked for a code before anything else: TwoFactorMiddleware sends every request of
  that session to allauth's code page until one is given. With DATELINE_STAFF_REQUIRE_TWO_FACTOR
  on, everyone who may use the admin (every newsroom role, and superusers) is sent to set it
  up before the admin opens.
"""

from allauth.mfa.models import Authenticator
from allauth.mfa.signals import authenticator_added, authenticator_removed, authenticator_used
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db.models import Q
from django.http import HttpResponseRedirect, JsonResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm

from .throttles import Attempt, Throttle

# Session entry: does this session's user have an authenticator app (read when they sign in,
# add or remove one), and have they given a code in this session.
TWO_FACTOR_SESSION_KEY = "dateline_two_factor"


class StaffLoginForm(LoginForm):
    """Wagtail's admin login form, throttled per account and per client address."""

    def clean(self):
        username = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if username is None or not password:
            return super().clean()
        attempt = Attempt(
            self.request,
            [
                (Throttle("admin_account"), account_identity(username)),
                (Throttle("admin_address"), None),
            ],
        )
        if not attempt.begin():
            minutes = attempt.minutes_left()
            raise forms.ValidationError(
                ngettext(
                    "Too many failed sign-in attempts. Try again in %(minutes)d minute.",
                    "Too many failed sign-in attempts. Try again in %(minutes)d minutes.",
                    minutes,
                ),
                code="too_many_attempts",
                params={"minutes": minutes},
            )
        cleaned_data = super().clean()  # raises if the password is wrong: a failure counted
        attempt.succeeded()
        return cleaned_data


def account_identity(typed):
    """What the account throttle counts: the account typed (by user name or by e-mail, as
    the backends accept either), or the text typed when no account has it."""
    typed = typed.strip()
    user_ids = list(
        get_user_model()
        .objects.filter(Q(username=typed) | Q(email__iexact=typed))
        .values_list("pk", flat=True)[:2]
    )
    if len(user_ids) == 1:
        return f"user:{user_ids[0]}"
    return f"typed:{typed.casefold()}"


def two_factor_state(user_id, code_given=False):
    return {
        "user": str(user_id),
        "totp": Authenticator.objects.filter(
            user_id=user_id, type=Authenticator.Type.TOTP
        ).exists(),
        "code_given": code_given,
    }


def remember_two_factor(request, user_id, code_given=None):
    """Read whether the user has an authenticator app into the session. A code given in this
    session by this user stays given, unless told otherwise."""
    known = request.session.get(TWO_FACTOR_SESSION_KEY)
    same_user = isinstance(known, dict) and known.get("user") == str(user_id)
    if code_given is None:
        code_given = bool(same_user and known.get("code_given"))
    known = two_factor_state(user_id, code_given)
    request.session[TWO_FACTOR_SESSION_KEY] = known
    return known


def signed_in(sender, request=None, user=None, **kwargs):
    if request is not None and hasattr(request, "session"):
        remember_two_factor(request, user.pk)


def code_used(sender, request=None, user=None, **kwargs):
    """A code (or a recovery code) was right: at allauth's sign-in, or at its code page."""
    if request is not None and user is not None:
        remember_two_factor(request, user.pk, code_given=True)


def authenticator_set_up(sender, request=None, user=None, authenticator=None, **kwargs):
    if request is not None and user is not None:
        # Setting an authenticator app up took one of its codes: this session has given one.
        is_app = authenticator is not None and authenticator.type == Authenticator.Type.TOTP
        remember_two_factor(request, user.pk, code_given=True if is_app else None)
        # allauth sends this once the change has committed: maybe after the response went
        # out with the session saved (tests run such callbacks then).
        request.session.save()


def authenticator_removed_here(sender, request=None, user=None, **kwargs):
    if request is not None and user is not None:
        remember_two_factor(request, user.pk)


def register_signal_handlers():
    user_logged_in.connect(signed_in, dispatch_uid="dateline-2fa-signed-in")
    authenticator_used.connect(code_used, dispatch_uid="dateline-2fa-code-used")
    authenticator_added.connect(authenticator_set_up, dispatch_uid="dateline-2fa-set-up")
    authenticator_removed.connect(authenticator_removed_here, dispatch_uid="dateline-2fa-removed")


class TwoFactorMiddleware:
    """Asks for the second factor, and (when required) for setting it up.

    After AuthenticationMiddleware and allauth's AccountMiddleware. It reads the session's
    user id, not request.user, and leaves the session as not accessed when it lets a request
    through: a response the view made without the session stays shareable (no Vary: Cookie).
    Whatever reads request.user later reads the session again, and marks it.
    """

    # Open to a session waiting for its code: the code page and signing out.
    WAITING_FOR_CODE = frozenset({"mfa_reauthenticate", "account_logout", "wagtailadmin_logout"})
    # Admin pages open to staff who must still set two-factor sign-in up.
    ADMIN_WITHOUT_TWO_FACTOR = frozenset({"wagtailadmin_login", "wagtailadmin_logout"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return None  # nobody is signed in without a session
        session = request.session
        accessed = session.accessed
        user_id = session.get(SESSION_KEY)
        if user_id is None:
            session.accessed = accessed
            return None
        known = session.get(TWO_FACTOR_SESSION_KEY)
        if not isinstance(known, dict) or known.get("user") != str(user_id):
            # Signed in before this release, or the signal was missed: read it now.
            known = remember_two_factor(request, user_id)
        url_name = request.resolver_match.url_name
        if known["totp"] and not known["code_given"]:
            if url_name in self.WAITING_FOR_CODE:
                return None
            return self.redirect(request, "mfa_reauthenticate", with_next=True)
        if (
            not known["totp"]
            and settings.DATELINE_STAFF_REQUIRE_TWO_FACTOR
            and url_name not in self.ADMIN_WITHOUT_TWO_FACTOR
            and request.path_info.startswith(reverse("wagtailadmin_home"))
        ):
            return self.require_set_up(request, view_func, view_args, view_kwargs)
        session.accessed = accessed
        return None

    def require_set_up(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated or not (
            user.is_superuser or user.has_perm("wagtailadmin.access_admin")
        ):
            return None
        if remember_two_factor(request, user.pk)["totp"]:
            # Set up in another session since this one read it: a code, then.
            return self.process_view(request, view_func, view_args, view_kwargs)
        messages.warning(
            request, _("The newsroom asks for two-factor sign-in: set it up to use the admin.")
        )
        return self.redirect(request, "mfa_activate_totp", with_next=False)

    def redirect(self, request, url_name, with_next):
        url = reverse(url_name)
        if with_next and request.method in ("GET", "HEAD"):
            url = f"{url}?{urlencode({'next': request.get_full_path()})}"
        if request.accepts("application/json") and not request.accepts("text/html"):
            return JsonResponse(
                {"error": "two-factor sign-in required", "location": url}, status=403
            )
        return HttpResponseRedirect(url)
