"""Documents are served with honest headers (issue 13, item 8): no literal
"Content-Encoding: None"."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["minutes.txt", "budget.csv", "report.pdf"])
def test_a_document_has_no_content_encoding(client, name):
    document = get_document_model().objects.create(
        title="Harbour committee minutes", file=ContentFile(b"The committee met.\n", name=name)
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert "Content-Encoding" not in response
    assert b"".join(response.streaming_content) == b"The committee met.\n"
    assert response["X-Content-Type-Options"] == "nosniff"
