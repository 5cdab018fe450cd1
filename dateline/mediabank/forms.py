import re

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

    def clean_q(self):
        # Search on words only: quotes and operators would reach the full-text engine's
        # query syntax (SQLite FTS5 refuses an unbalanced quote).
        return " ".join(re.findall(r"\w+", self.cleaned_data["q"]))[:200]
