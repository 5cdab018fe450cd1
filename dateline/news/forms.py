"""The newsroom's page forms.

- Every page form (`NewsroomPageForm`): a save from an out-of-date editing form is refused
  (someone saved a newer revision since the form was loaded), and a body whose form data
  cannot be read (a POST without `body-count`, a hand-made stream) is a form error, not a 500.
- The article form adds the scheduling rules and the substantive-update switch.
"""

from django import forms
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import BlockWidget
from wagtail.models import Page, Revision

UNREADABLE_STREAM = _(
    "This part of the form arrived incomplete and could not be read, so nothing was saved. "
    "It shows the last saved version: make your changes again, or reload the page."
)


class NewsroomPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.unreadable_streams = []
        if self.is_bound:
            self._set_aside_unreadable_streams()

    def _set_aside_unreadable_streams(self):
        """Streams whose data cannot be read show the saved version and are an error."""
        for name, field in self.fields.items():
            if not isinstance(field.widget, BlockWidget):
                continue
            prefix = self.add_prefix(name)
            try:
                field.widget.value_from_datadict(self.data, self.files, prefix)
            except (KeyError, ValueError, TypeError, IndexError):
                self.unreadable_streams.append(name)
                # Read from the saved page from now on (cleaning and showing the form again);
                # an empty stream of the right shape stands in for the unreadable data.
                field.disabled = True
                self.data = self.data.copy()
                for key in [key for key in self.data if key.startswith(f"{prefix}-")]:
                    del self.data[key]
                self.data[f"{prefix}-count"] = "0"

    def clean(self):
        cleaned_data = super().clean()
        for name in self.unreadable_streams:
            self.add_error(name, UNREADABLE_STREAM)
        self._refuse_out_of_date_form()
        return cleaned_data

    def _refuse_out_of_date_form(self):
        """Someone saved a newer revision since this form was loaded: refuse, say who and when.

        Wagtail's edit form carries the revision it was loaded from (`loaded_revision_id` and
        its time, `loaded_revision_created_at`; `overwrite_revision_id` once autosave made its
        own). Wagtail only warns in the browser and refuses autosaves; a form posted without
        these fields (not from Wagtail's editor) is not checked.
        """
        if self.instance.pk is None:
            return
        loaded_id = self.data.get("overwrite_revision_id") or self.data.get("loaded_revision_id")
        if not loaded_id:
            return
        latest_id = (
            Page.objects.filter(pk=self.instance.pk)
            .values_list("latest_revision_id", flat=True)
            .first()
        )
        if latest_id is None:
            return
        latest = Revision.objects.select_related("user").get(pk=latest_id)
        loaded_at = self.data.get("loaded_revision_created_at")
        up_to_date = str(latest.pk) == str(loaded_id) and (
            "overwrite_revision_id" in self.data
            or not loaded_at
            or loaded_at == latest.created_at.isoformat()
        )
        if up_to_date:
            return
        user = latest.user
        who = (user.get_full_name() or user.get_username()) if user else _("someone")
        self.add_error(
            None,
            _(
                "%(who)s saved a newer version of this page at %(when)s, after you opened it. "
                "Nothing was saved: what you typed is still below. Open the page's history to "
                "compare the two versions; saving again replaces theirs with yours."
            )
            % {
                "who": who,
                "when": format_date(timezone.localtime(latest.created_at), "j M Y, H:i:s"),
            },
        )


class ArticlePageForm(NewsroomPageForm):
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
