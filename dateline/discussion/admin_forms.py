from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import permissions


class SanctionForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=500)
    ends_at = forms.DateTimeField(
        label=_("Ends at"),
        required=False,
        help_text=_("Leave blank to ban without an end; set a date to suspend until then."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )


class NoteForm(forms.Form):
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}))


class DiscussionSettingsForm(WagtailAdminModelForm):
    """The page must be a section or an article the editor may publish."""

    def clean_page(self):
        page = self.cleaned_data.get("page")
        if page is None:
            return page
        if not permissions.has_settings(page):
            raise forms.ValidationError(_("Choose a section or an article."))
        if not permissions.may_set(self.for_user, page):
            raise forms.ValidationError(
                _("You can change the discussion only in the sections you edit.")
            )
        return page
