from django import forms
from django.utils.translation import gettext_lazy as _

from . import conf
from .models import Reaction, Report


class CommentForm(forms.Form):
    """The limits are checked by posting.clean_body(); the field keeps whatever was typed."""

    body = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
        strip=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit = conf.get("MAX_LENGTH")
        self.fields["body"].help_text = _(
            "Plain text, up to %(limit)d characters. Links are allowed."
        ) % {"limit": limit}
        # Announced, not enforced by the browser: the server explains an over-long comment.
        self.fields["body"].widget.attrs["data-maxlength"] = limit


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should a moderator look at this comment?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Details (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=Reaction.Kind.choices)


class CountsForm(forms.Form):
    """?ids=1,2,3: the article cards of one listing page."""

    MAX_IDS = 60

    ids = forms.CharField(max_length=MAX_IDS * 12)

    def clean_ids(self):
        parts = [part.strip() for part in self.cleaned_data["ids"].split(",")]
        if not all(part.isascii() and part.isdigit() and len(part) <= 10 for part in parts):
            raise forms.ValidationError(_("ids must be article numbers separated by commas."))
        ids = sorted({int(part) for part in parts})
        if len(ids) > self.MAX_IDS:
            raise forms.ValidationError(
                _("At most %(limit)d ids at a time.") % {"limit": self.MAX_IDS}
            )
        return ids
