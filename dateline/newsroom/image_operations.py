"""Image filter specs the admin may be asked for (its URL generator previews any spec).

Wagtail's `fill-0x0` (or any fill with a zero side) divides by zero when run: the admin's
preview (`/admin/images/<id>/preview/<spec>/`) answered 500. A fill with a zero side is an
invalid spec here, which that view answers with a 400.
"""

from wagtail.images.image_operations import FillOperation


class NonEmptyFillOperation(FillOperation):
    def construct(self, size, *extra):
        super().construct(size, *extra)
        if self.width < 1 or self.height < 1:
            raise ValueError(f"A fill needs a width and height of at least 1 pixel: {size}")
