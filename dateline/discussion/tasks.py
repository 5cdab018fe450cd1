"""Background work of the discussion: e-mail to a reader when someone replies."""

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from .models import Comment


@task()
def notify_reply(comment_id):
    reply = (
        Comment.objects.select_related("parent__author", "author", "article")
        .filter(pk=comment_id, status=Comment.Status.APPROVED)
        .first()
    )
    if reply is None or reply.parent is None:
        return False
    recipient = reply.parent.author
    if (
        recipient is None
        or not recipient.is_active
        or not recipient.email
        or not getattr(recipient, "notify_replies", True)
        or recipient.pk == reply.author_id
    ):
        return False
    language = reply.article.locale.language_code
    with translation.override(language):
        context = {"reply": reply, "recipient": recipient, "url": reply.article.full_url}
        subject = render_to_string("discussion/email/reply_subject.txt", context).strip()
        body = render_to_string("discussion/email/reply_message.txt", context)
    send_mail(subject, body, None, [recipient.email])
    return True
