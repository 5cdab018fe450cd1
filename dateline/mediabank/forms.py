from django import forms
from django.utils.translation import gettext_lazy as _


class PhotoSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search photos"),
        required=False,
        max_length=200,
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("caption, person, place")}
        ),
    )
