"""The newsroom's article form: scheduling rules and the substantive-update switch."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class ArticlePageForm(WagtailAdminPageForm):
    substantive_update = forms.BooleanField(
        label=_("Substantive update"),
        required=False,
        help_text=_(
            "Tick when the story changed in substance: readers see a new Updated time. "
            "Leave unticked for a typo fix."
        ),
    )

    def clean(self):
        cleaned_data = super().clean()
        now = timezone.now()
        go_live_at = cleaned_data.get("go_live_at")
        expire_at = cleaned_data.get("expire_at")
        if go_live_at and go_live_at < now and go_live_at != self.instance.go_live_at:
            self.add_error(
                "go_live_at",
                _("The go-live time is in the past: choose a time to come, or leave it empty."),
            )
        if go_live_at and expire_at and expire_at <= go_live_at:
            self.add_error("expire_at", _("The expiry time must be after the go-live time."))
        return cleaned_data

    def save(self, commit=True):
        page = super().save(commit=False)
        if self.cleaned_data.get("substantive_update") and page.first_published_at:
            page.updated_at = timezone.now()
        if commit:
            page.save()
            self.save_m2m()
        return page
