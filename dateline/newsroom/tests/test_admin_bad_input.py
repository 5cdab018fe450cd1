"""The admin's image preview with a spec that cannot be made: a 400, never a 500."""

import pytest


@pytest.mark.parametrize("spec", ["fill-0x0", "fill-0x100", "fill-100x0", "fill-0x0-c50"])
def test_a_fill_with_an_empty_side_is_a_bad_request(site, admin_client, spec):
    response = admin_client.get(f"/admin/images/{site.lead_photo.pk}/preview/{spec}/")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")


def test_a_fill_with_sides_is_still_made(site, admin_client):
    response = admin_client.get(f"/admin/images/{site.lead_photo.pk}/preview/fill-40x30/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("image/")
