"""Peak memory and time of making a photo's published renditions, measured in a process of its
own (ru_maxrss is a high-water mark: a process measures one thing).

    python -m dateline.mediabank.tests.memory_probe make attack.png
    python -m dateline.mediabank.tests.memory_probe measure attack.png dateline
    python -m dateline.mediabank.tests.memory_probe measure attack.png wagtail

"dateline" is how Dateline makes them (processing.py); "wagtail" is Wagtail 8's own way (each
rendition from its own decode of the original, three threads at once), for comparison.
Prints one JSON line: seconds, the process's peak before and after, in MB.
"""

import json
import os
import resource
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from io import BytesIO

SIDE = 7070  # 49.98 megapixels, within the 50-megapixel upload limit


def make(path):
    """A 7070 x 7070 PNG of a few flat shapes: ~200 KB on disk, 50 megapixels decoded."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (SIDE, SIDE), (200, 210, 225))
    draw = ImageDraw.Draw(image)
    for step in range(12):
        offset = step * 480
        draw.ellipse([offset, offset, offset + 900, offset + 700], fill=(40 + step * 15, 90, 60))
    image.save(path, "PNG")


def peak_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(path, way):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dateline.settings.test")
    import django

    django.setup()
    from django.core.files import File
    from django.core.files.images import ImageFile
    from wagtail.images.models import Filter

    from dateline.mediabank.models import Photo
    from dateline.mediabank.processing import WorkingCopyFilter, working_copy
    from dateline.mediabank.renditions import PUBLISHED_SPECS

    with open(path, "rb") as file:
        data = file.read()
    photo = Photo(
        title="Probe",
        file=ImageFile(BytesIO(data), name="probe.png"),
        width=SIDE,
        height=SIDE,
        photographer="Probe",
        collection_id=1,  # not looked up: no database here
    )
    filters = [Filter(spec) for spec in PUBLISHED_SPECS]
    before = peak_mb()
    started = time.perf_counter()
    if way == "wagtail":

        def one(spec_filter):
            source = File(BytesIO(data), name="probe.png")
            return spec_filter.run(photo, BytesIO(), source=source)

        with ThreadPoolExecutor(max_workers=3) as pool:
            list(pool.map(one, filters))
    else:
        with working_copy(photo, filters) as copy:
            for spec_filter in filters:
                WorkingCopyFilter(spec_filter.spec, copy).run(photo, BytesIO())
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "way": way,
                "seconds": round(seconds, 2),
                "before_mb": round(before),
                "peak_mb": round(peak_mb()),
                "file_kb": len(data) // 1024,
            }
        )
    )


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2])
    else:
        measure(sys.argv[2], sys.argv[3])
