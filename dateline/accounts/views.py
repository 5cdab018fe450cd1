"""The reader's own account: profile, data export and deletion (allauth does the rest)."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from . import personal_data
from .forms import DeleteAccountForm, ProfileForm


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect(request.path)
    return render(request, "accounts/profile.html", {"form": form})


@login_required
@never_cache
@require_GET
def export(request):
    data = personal_data.export(request.user)
    stamp = timezone.now().strftime("%Y%m%d")
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="dateline-my-data-{stamp}.json"'
    return response


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def delete(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        with transaction.atomic():
            personal_data.erase(user)
        return render(request, "accounts/deleted.html")
    return render(
        request,
        "accounts/delete.html",
        {"form": form},
        status=400 if form.is_bound else 200,
    )
