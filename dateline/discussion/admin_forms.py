from django import forms
from django.utils.translation import gettext_lazy as _


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
