"""Pictures for the demo's media bank, painted with Pillow from a seed.

Each scene (a harbour, a skyline, a parliament, a ship at sea...) is drawn in layers: a sky for
the time of day, a background, the subject, then grain, a soft focus and a vignette so the
result reads as a photograph at a glance rather than as flat colour. Nothing is random outside
the seeded generator, so the same seed paints the same picture.
"""

import io
import math
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageOps

# (sky top, sky horizon, light, water, land tint, darkness 0..1)
PALETTES = {
    "dawn": ((52, 64, 120), (246, 176, 130), (255, 222, 170), (70, 88, 128), (70, 84, 70), 0.25),
    "morning": ((88, 150, 214), (206, 226, 240), (255, 250, 225), (46, 104, 140), (74, 120, 66), 0),
    "noon": ((40, 120, 210), (170, 210, 240), (255, 255, 240), (30, 100, 150), (80, 132, 60), 0),
    "afternoon": (
        (70, 130, 200),
        (236, 214, 170),
        (255, 236, 190),
        (40, 92, 130),
        (96, 120, 60),
        0.05,
    ),
    "dusk": ((40, 36, 92), (238, 120, 80), (255, 180, 110), (60, 52, 90), (50, 46, 60), 0.45),
    "night": ((6, 10, 30), (28, 40, 78), (240, 240, 255), (10, 16, 36), (18, 22, 30), 0.85),
    "overcast": (
        (120, 128, 138),
        (186, 190, 194),
        (230, 230, 230),
        (84, 98, 108),
        (86, 100, 84),
        0.15,
    ),
}

TIMES = tuple(PALETTES)


def _mix(a, b, t):
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _shade(colour, darkness):
    """Darken a day colour for the time of day (night keeps a little of its hue)."""
    return _mix(colour, (10, 12, 24), darkness * 0.8)


def _gradient(size, top, bottom):
    gray = Image.linear_gradient("L").resize(size)
    return ImageOps.colorize(gray, top, bottom)


class ScaledDraw:
    """ImageDraw in the scenes' coordinates: a picture 1920 units wide, whatever its pixels."""

    def __init__(self, image, scale):
        self._draw = ImageDraw.Draw(image, "RGBA")
        self.scale = scale

    def _xy(self, xy):
        s = self.scale
        if isinstance(xy[0], tuple | list):
            return [(x * s, y * s) for x, y in xy]
        return [v * s for v in xy]

    def _width(self, kwargs):
        if "width" in kwargs:
            kwargs["width"] = max(1, round(kwargs["width"] * self.scale))
        if "radius" in kwargs:
            kwargs["radius"] = max(0, round(kwargs["radius"] * self.scale))
        return kwargs

    def __getattr__(self, name):
        method = getattr(self._draw, name)

        def scaled(xy, *args, **kwargs):
            return method(self._xy(xy), *args, **self._width(kwargs))

        return scaled


class Canvas:
    """The picture being painted, with the palette of its time of day.

    Scenes draw in units of a 1920-wide picture (self.w, self.h); self.W and self.H are the
    pixels of the image actually made, so a small test picture is the same scene, smaller.
    """

    def __init__(self, width, height, time, rng):
        self.W, self.H = width, height
        self.scale = width / 1920
        self.w, self.h = 1920, round(1920 * height / width)
        self.time = time
        self.rng = rng
        self.sky_top, self.horizon_colour, self.light, self.water, self.land, self.dark = PALETTES[
            time
        ]
        self.image = Image.new("RGB", (width, height))
        self.redraw()

    def redraw(self):
        """Draw on self.image again (after an operation replaced or composited it)."""
        self.draw = ScaledDraw(self.image, self.scale)

    def px(self, units):
        """Scene units to image pixels."""
        return max(1, round(units * self.scale))

    def overlay(self, divisor):
        """A transparent layer 1/divisor of the image's size, and a draw in scene units on it."""
        layer = Image.new("RGBA", (max(1, self.W // divisor), max(1, self.H // divisor)))
        return layer, ScaledDraw(layer, self.scale / divisor)

    def paste_layer(self, layer, blur):
        layer = layer.filter(ImageFilter.GaussianBlur(blur)).resize((self.W, self.H))
        self.image.paste(layer, (0, 0), layer)
        self.redraw()

    @property
    def night(self):
        return self.time in ("night", "dusk")

    def shade(self, colour):
        return _shade(colour, self.dark)

    # --- sky --------------------------------------------------------------------------
    def sky(self, horizon):
        self.image.paste(
            _gradient((self.W, self.px(horizon)), self.sky_top, self.horizon_colour), (0, 0)
        )
        if self.time == "night":
            for _ in range(self.w // 6):
                x, y = self.rng.randrange(self.w), self.rng.randrange(int(horizon * 0.85))
                v = self.rng.randint(150, 255)
                r = self.rng.choice((1, 1, 1, 2))
                self.draw.ellipse([x, y, x + r, y + r], fill=(v, v, v))
        if self.time != "overcast":
            self._sun(horizon)
        self._clouds(horizon, many=self.time == "overcast")

    def _sun(self, horizon):
        rng = self.rng
        low = self.time in ("dawn", "dusk")
        r = int(self.h * (0.05 if self.time == "night" else rng.uniform(0.045, 0.07)))
        cx = rng.randint(int(self.w * 0.15), int(self.w * 0.85))
        cy = horizon - r * rng.uniform(0.6, 1.6) if low else rng.randint(r * 2, horizon // 2)
        # The glow is painted small and enlarged: a wide blur at full size is slow.
        glow, gd = self.overlay(8)
        gr = r * (5 if low else 3)
        gd.ellipse([cx - gr, cy - gr, cx + gr, cy + gr], fill=(255, 255, 255, 150))
        glow = glow.getchannel("A").filter(ImageFilter.GaussianBlur(gr * self.scale / 10))
        self.image = Image.composite(
            Image.new("RGB", self.image.size, self.light), self.image, glow.resize(self.image.size)
        )
        self.redraw()
        colour = (236, 236, 250) if self.time == "night" else self.light
        self.draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=colour)
        self.sun_x = cx

    def _clouds(self, horizon, many=False):
        rng = self.rng
        layer, ld = self.overlay(4)
        tint = _mix(self.light, self.horizon_colour, 0.4)
        if self.time == "night":
            tint = (60, 66, 96)
        for _ in range(rng.randint(8, 16) if many else rng.randint(2, 7)):
            cx = rng.randrange(self.w)
            cy = rng.randrange(max(8, horizon - 40))
            for _ in range(rng.randint(4, 9)):
                rx, ry = rng.randint(48, 160), rng.randint(20, 56)
                dx, dy = rng.randint(-160, 160), rng.randint(-24, 24)
                alpha = rng.randint(90, 170) if many else rng.randint(60, 140)
                ld.ellipse(
                    [cx + dx - rx, cy + dy - ry, cx + dx + rx, cy + dy + ry], fill=(*tint, alpha)
                )
        self.paste_layer(layer, 3 * self.scale)

    # --- ground and water -------------------------------------------------------------
    def sea(self, top):
        deep = _shade(self.water, 0.3)
        self.image.paste(
            _gradient((self.W, self.H - self.px(top)), self.water, deep), (0, self.px(top))
        )
        rng = self.rng
        for _ in range(self.w // 3):
            y = rng.randint(top, self.h)
            depth = (y - top) / max(1, self.h - top)
            length = int(8 + 90 * depth)
            x = rng.randrange(self.w)
            light = _mix(self.water, self.light, rng.uniform(0.15, 0.45))
            self.draw.line([x, y, x + length, y], fill=(*light, 120), width=1 + int(depth * 3))
        if hasattr(self, "sun_x") and self.time != "overcast":
            # The sun's (or moon's) path on the water.
            for _ in range(160):
                y = rng.randint(top, self.h)
                spread = 20 + (y - top) * 0.35
                x = self.sun_x + rng.gauss(0, spread / 2)
                length = rng.randint(10, 40)
                self.draw.line(
                    [x - length / 2, y, x + length / 2, y],
                    fill=(*self.light, rng.randint(80, 200)),
                    width=2,
                )

    def hills(self, base, height, colour, roughness=0.5, step=40):
        points = [(0, self.h)]
        y = base - self.rng.uniform(0, height)
        for x in range(0, self.w + step, step):
            y += self.rng.uniform(-height, height) * roughness * 0.3
            y = min(base, max(base - height, y))
            points.append((x, y))
        points.append((self.w, self.h))
        self.draw.polygon(points, fill=colour)
        return points

    def mountains(self, base, height, colour, snow=True):
        rng = self.rng
        x = -rng.randint(0, 200)
        while x < self.w:
            width = rng.randint(int(self.w * 0.18), int(self.w * 0.38))
            peak = base - rng.uniform(0.5, 1.0) * height
            px = x + width * rng.uniform(0.35, 0.65)
            left = [(x, base)]
            right = []
            # A jagged ridge: points between the foot and the peak, with noise.
            for i in range(1, 8):
                t = i / 8
                left.append((x + (px - x) * t, base + (peak - base) * t + rng.uniform(-12, 12)))
                right.append(
                    (px + (x + width - px) * t, peak + (base - peak) * t + rng.uniform(-12, 12))
                )
            outline = left + [(px, peak)] + right + [(x + width, base)]
            self.draw.polygon(outline, fill=colour)
            # Light side.
            lit = _mix(colour, self.light, 0.18)
            self.draw.polygon([(px, peak)] + right + [(x + width, base), (px + 10, base)], fill=lit)
            if snow:
                cap = peak + (base - peak) * 0.28
                snow_colour = _shade((240, 244, 250), self.dark)
                poly = [(px, peak)]
                for i in range(1, 8):
                    t = i / 8
                    yy = peak + (base - peak) * t
                    if yy > cap:
                        break
                    poly.append((px + (x + width - px) * t, yy + rng.uniform(-6, 6)))
                poly.append((px + rng.uniform(-20, 20), cap + rng.uniform(0, 20)))
                for i in range(7, 0, -1):
                    t = i / 8
                    yy = base + (peak - base) * t
                    if yy > cap:
                        continue
                    poly.append((x + (px - x) * t, yy + rng.uniform(-6, 6)))
                if len(poly) > 2:
                    self.draw.polygon(poly, fill=snow_colour)
            x += int(width * rng.uniform(0.5, 0.8))

    # --- things -----------------------------------------------------------------------
    def window_colour(self):
        if self.night and self.rng.random() < 0.55:
            return self.rng.choice(((255, 214, 120), (255, 236, 170), (250, 200, 100)))
        sky = _mix(self.horizon_colour, self.sky_top, self.rng.uniform(0.2, 0.8))
        return _shade(_mix(sky, (30, 40, 60), self.rng.uniform(0.2, 0.6)), self.dark * 0.3)

    def building(self, x, ground, width, height, colour, windows=True, roof=None):
        d = self.draw
        d.rectangle([x, ground - height, x + width, ground], fill=colour)
        side = _mix(colour, (0, 0, 0), 0.25)
        d.rectangle([x + width - max(4, width // 8), ground - height, x + width, ground], fill=side)
        if roof == "gable":
            d.polygon(
                [
                    (x - 4, ground - height),
                    (x + width / 2, ground - height - width * 0.35),
                    (x + width + 4, ground - height),
                ],
                fill=_mix(colour, (60, 30, 20), 0.5),
            )
        if windows and width > 18 and height > 30:
            cols = max(1, width // 22)
            rows = max(1, height // 28)
            ww, wh = width / cols * 0.5, height / rows * 0.45
            for c in range(cols):
                for r in range(rows - 1):
                    wx = x + (c + 0.25) * width / cols
                    wy = ground - height + (r + 0.4) * height / rows
                    d.rectangle([wx, wy, wx + ww, wy + wh], fill=self.window_colour())

    def boat(self, x, waterline, length, colour, mast=True):
        d = self.draw
        h = length * 0.22
        d.polygon(
            [
                (x, waterline - h),
                (x + length, waterline - h),
                (x + length * 0.86, waterline),
                (x + length * 0.1, waterline),
            ],
            fill=colour,
        )
        d.line([(x, waterline - h), (x + length, waterline - h)], fill=(230, 230, 230), width=2)
        cabin = self.shade((236, 232, 222))
        d.rectangle(
            [x + length * 0.45, waterline - h * 2, x + length * 0.75, waterline - h], fill=cabin
        )
        if mast:
            d.line(
                [(x + length * 0.35, waterline - h), (x + length * 0.35, waterline - h * 4.2)],
                fill=self.shade((60, 50, 40)),
                width=3,
            )
        # Reflection.
        d.polygon(
            [
                (x + length * 0.1, waterline),
                (x + length * 0.86, waterline),
                (x + length * 0.8, waterline + h * 0.9),
                (x + length * 0.16, waterline + h * 0.9),
            ],
            fill=(*_mix(colour, self.water, 0.6), 120),
        )

    def ship(self, x, waterline, length, hull, naval=False):
        d = self.draw
        h = length * 0.09
        d.polygon(
            [
                (x, waterline - h),
                (x + length, waterline - h * 1.35),
                (x + length * 0.93, waterline),
                (x + length * 0.05, waterline),
            ],
            fill=hull,
        )
        deck = self.shade((228, 228, 224) if not naval else (150, 156, 160))
        d.rectangle(
            [x + length * 0.25, waterline - h * 2.3, x + length * 0.6, waterline - h], fill=deck
        )
        d.rectangle(
            [x + length * 0.3, waterline - h * 3.2, x + length * 0.5, waterline - h * 2.3],
            fill=deck,
        )
        for i in range(6):
            wx = x + length * (0.27 + i * 0.05)
            d.rectangle(
                [wx, waterline - h * 2.0, wx + length * 0.025, waterline - h * 1.6],
                fill=self.window_colour(),
            )
        mx = x + length * 0.42
        d.line([(mx, waterline - h * 3.2), (mx, waterline - h * 5)], fill=deck, width=4)
        d.line(
            [(mx - length * 0.04, waterline - h * 4.3), (mx + length * 0.04, waterline - h * 4.3)],
            fill=deck,
            width=3,
        )
        if not naval:
            d.rectangle(
                [x + length * 0.52, waterline - h * 3.6, x + length * 0.57, waterline - h * 2.3],
                fill=self.shade((180, 40, 40)),
            )
        else:
            d.rectangle(
                [x + length * 0.75, waterline - h * 1.9, x + length * 0.82, waterline - h * 1.2],
                fill=deck,
            )
            d.line(
                [
                    (x + length * 0.82, waterline - h * 1.6),
                    (x + length * 0.9, waterline - h * 1.75),
                ],
                fill=deck,
                width=4,
            )
        # Bow wave and wake.
        foam = (*self.shade((245, 248, 250)), 190)
        d.polygon(
            [
                (x + length * 0.93, waterline),
                (x + length * 1.02, waterline + 4),
                (x + length * 0.85, waterline + 10),
            ],
            fill=foam,
        )
        d.line(
            [(x - length * 0.3, waterline + 6), (x + length * 0.05, waterline)], fill=foam, width=5
        )

    def person(self, x, feet, height, colour):
        d = self.draw
        head = height * 0.13
        body_top = feet - height * 0.82
        d.rounded_rectangle(
            [x - height * 0.14, body_top, x + height * 0.14, feet - height * 0.3],
            radius=int(height * 0.08),
            fill=colour,
        )
        legs = _mix(colour, (20, 20, 30), 0.6)
        d.rectangle([x - height * 0.11, feet - height * 0.32, x + height * 0.11, feet], fill=legs)
        skin = self.shade(
            self.rng.choice(((236, 196, 170), (200, 150, 110), (150, 100, 70), (250, 214, 190)))
        )
        d.ellipse([x - head * 0.8, body_top - head * 1.8, x + head * 0.8, body_top], fill=skin)
        hair = self.shade(
            self.rng.choice(((40, 30, 20), (110, 70, 30), (200, 170, 90), (70, 70, 70)))
        )
        d.chord(
            [x - head * 0.85, body_top - head * 1.9, x + head * 0.85, body_top - head * 0.5],
            180,
            360,
            fill=hair,
        )

    def tree(self, x, ground, size, colour):
        d = self.draw
        d.rectangle(
            [x - size * 0.06, ground - size * 0.5, x + size * 0.06, ground],
            fill=self.shade((80, 56, 36)),
        )
        for _ in range(4):
            dx, dy = self.rng.uniform(-0.2, 0.2) * size, self.rng.uniform(-0.15, 0.1) * size
            r = size * self.rng.uniform(0.25, 0.35)
            d.ellipse(
                [
                    x + dx - r,
                    ground - size * 0.75 + dy - r,
                    x + dx + r,
                    ground - size * 0.75 + dy + r,
                ],
                fill=_mix(colour, (0, 0, 0), self.rng.uniform(0, 0.25)),
            )

    # --- finishing --------------------------------------------------------------------
    def finish(self):
        image = self.image.filter(ImageFilter.GaussianBlur(0.7 * self.scale))
        noise = Image.effect_noise((self.W // 2, self.H // 2), 40).resize((self.W, self.H))
        grain = Image.merge("RGB", (noise, noise, noise))
        image = ImageChops.blend(image, ImageChops.overlay(image, grain), 0.35)
        vignette = Image.radial_gradient("L").resize((self.W, self.H))
        vignette = vignette.point(lambda v: int(max(0, v - 110) * 0.9))
        image = Image.composite(Image.new("RGB", image.size, (0, 0, 0)), image, vignette)
        return image


# --- scenes -------------------------------------------------------------------------------


def harbour(c):
    horizon = int(c.h * c.rng.uniform(0.42, 0.52))
    c.sky(horizon)
    c.hills(horizon + 4, c.h * 0.06, c.shade(_mix(c.land, (90, 100, 110), 0.5)), step=60)
    c.sea(horizon)
    quay = int(c.h * c.rng.uniform(0.58, 0.66))
    # Warehouses and cranes along the far quay.
    x = 0
    while x < c.w * 0.55:
        width = c.rng.randint(90, 200)
        colour = c.shade(
            c.rng.choice(((150, 70, 50), (180, 150, 110), (110, 120, 130), (200, 190, 170)))
        )
        c.building(x, quay - c.h * 0.08, width, c.rng.randint(70, 160), colour, roof="gable")
        x += width + c.rng.randint(0, 20)
    c.draw.rectangle([0, quay - c.h * 0.08, x, quay - c.h * 0.07], fill=c.shade((90, 90, 92)))
    for _ in range(c.rng.randint(1, 3)):
        cx = c.rng.randint(int(c.w * 0.1), int(c.w * 0.5))
        top = quay - c.h * 0.08 - c.rng.randint(220, 330)
        crane = c.shade(c.rng.choice(((210, 160, 40), (180, 50, 40), (70, 110, 160))))
        c.draw.line([(cx, quay - c.h * 0.08), (cx, top)], fill=crane, width=8)
        c.draw.line([(cx - 80, top), (cx + 240, top)], fill=crane, width=7)
        c.draw.line([(cx + 200, top), (cx + 200, top + 120)], fill=(40, 40, 40), width=2)
    # Boats moored in the foreground, largest nearest.
    for i in range(c.rng.randint(5, 9)):
        y = int(quay + (c.h - quay) * (0.1 + 0.85 * i / 9))
        length = int(120 + 260 * (y - quay) / (c.h - quay))
        colour = c.shade(
            c.rng.choice(
                ((200, 40, 40), (30, 80, 150), (240, 240, 235), (40, 120, 90), (230, 170, 40))
            )
        )
        c.boat(c.rng.randint(-40, c.w - length), y, length, colour)


def skyline(c):
    horizon = int(c.h * c.rng.uniform(0.6, 0.7))
    c.sky(horizon)
    for layer, depth in enumerate((0.55, 0.25, 0.0)):
        x = c.rng.randint(-40, 0)
        base = horizon + layer * c.h * 0.06
        while x < c.w:
            width = c.rng.randint(60, 160)
            height = int(c.h * c.rng.uniform(0.12, 0.42) * (1 - depth * 0.4))
            grey = c.rng.randint(80, 170)
            colour = _mix((grey, grey + 6, grey + 14), c.horizon_colour, depth)
            c.building(x, base, width, height, c.shade(colour), windows=depth < 0.5)
            if c.rng.random() < 0.15:
                c.draw.line(
                    [(x + width / 2, base - height), (x + width / 2, base - height - 60)],
                    fill=c.shade((60, 60, 60)),
                    width=3,
                )
            x += width + c.rng.randint(-10, 14)
    if c.rng.random() < 0.5:
        c.sea(int(horizon + c.h * 0.12))
    else:
        c.draw.rectangle([0, horizon + c.h * 0.12, c.w, c.h], fill=c.shade((70, 72, 76)))
        for i in range(40):
            y = horizon + c.h * 0.14 + i * 14
            c.draw.line(
                [(0, y), (c.w, y + c.rng.randint(-4, 4))], fill=c.shade((84, 86, 90)), width=2
            )


def parliament(c):
    horizon = int(c.h * 0.66)
    c.sky(horizon)
    c.draw.rectangle([0, horizon, c.w, c.h], fill=c.shade((150, 146, 136)))
    stone = c.shade(c.rng.choice(((226, 218, 196), (214, 206, 190), (236, 230, 214))))
    shadow = _mix(stone, (40, 40, 50), 0.35)
    width = int(c.w * c.rng.uniform(0.55, 0.75))
    x0 = (c.w - width) // 2 + c.rng.randint(-120, 120)
    ground = horizon
    height = int(c.h * 0.28)
    # Wings with windows, then the portico in the middle.
    c.building(x0 - 260, ground, 300, int(height * 0.8), stone)
    c.building(x0 + width - 40, ground, 300, int(height * 0.8), stone)
    c.draw.rectangle([x0, ground - height, x0 + width, ground], fill=stone)
    columns = c.rng.choice((6, 8, 10))
    gap = width / (columns * 2 - 1)
    for i in range(columns):
        cx = x0 + gap * i * 2
        c.draw.rectangle([cx, ground - height * 0.86, cx + gap, ground - height * 0.08], fill=stone)
        c.draw.rectangle(
            [cx + gap * 0.7, ground - height * 0.86, cx + gap, ground - height * 0.08],
            fill=_mix(stone, shadow, 0.5),
        )
        if i < columns - 1:
            c.draw.rectangle(
                [cx + gap, ground - height * 0.86, cx + gap * 2, ground - height * 0.08],
                fill=shadow,
            )
    c.draw.rectangle(
        [x0 - 10, ground - height * 0.95, x0 + width + 10, ground - height * 0.86], fill=stone
    )
    c.draw.polygon(
        [
            (x0 - 20, ground - height * 0.95),
            (x0 + width / 2, ground - height * 1.35),
            (x0 + width + 20, ground - height * 0.95),
        ],
        fill=stone,
    )
    c.draw.polygon(
        [
            (x0 + 40, ground - height * 0.98),
            (x0 + width / 2, ground - height * 1.28),
            (x0 + width - 40, ground - height * 0.98),
        ],
        fill=_mix(stone, shadow, 0.3),
    )
    if c.rng.random() < 0.6:
        dome_r = width * 0.16
        cx = x0 + width / 2
        top = ground - height * 1.35
        c.draw.rectangle(
            [cx - dome_r * 0.8, top - dome_r * 0.5, cx + dome_r * 0.8, top + 10], fill=stone
        )
        dome = c.shade(c.rng.choice(((90, 140, 120), (120, 120, 130), (170, 130, 70))))
        c.draw.pieslice(
            [cx - dome_r, top - dome_r * 1.4, cx + dome_r, top + dome_r * 0.6], 180, 360, fill=dome
        )
        c.draw.line(
            [(cx, top - dome_r * 1.4), (cx, top - dome_r * 2.2)], fill=(60, 60, 60), width=4
        )
        flag = c.shade(c.rng.choice(((30, 70, 150), (180, 30, 40), (20, 110, 80))))
        c.draw.polygon(
            [(cx, top - dome_r * 2.2), (cx + 90, top - dome_r * 2.05), (cx, top - dome_r * 1.9)],
            fill=flag,
        )
    for i in range(6):
        y = ground - height * 0.08 + i * height * 0.04
        c.draw.rectangle(
            [x0 - 20 - i * 14, y, x0 + width + 20 + i * 14, y + height * 0.04],
            fill=_mix(stone, shadow, 0.15 * (i % 2)),
        )
    for _ in range(c.rng.randint(6, 22)):
        c.person(
            c.rng.randint(0, c.w),
            c.rng.randint(ground + 60, c.h),
            c.rng.randint(70, 130),
            c.shade(c.rng.choice(((40, 40, 60), (120, 30, 30), (200, 200, 200), (60, 90, 60)))),
        )
    for x in (c.rng.randint(0, 200), c.rng.randint(c.w - 260, c.w - 60)):
        c.tree(x, ground + 40, c.rng.randint(220, 320), c.shade(c.land))


def ship(c):
    horizon = int(c.h * c.rng.uniform(0.45, 0.55))
    c.sky(horizon)
    if c.rng.random() < 0.5:
        c.hills(horizon + 2, c.h * 0.05, c.shade(_mix(c.land, c.horizon_colour, 0.5)), step=70)
    c.sea(horizon)
    naval = c.rng.random() < 0.5
    hull = c.shade(
        (100, 108, 116) if naval else c.rng.choice(((30, 40, 60), (170, 40, 40), (20, 80, 120)))
    )
    length = int(c.w * c.rng.uniform(0.45, 0.7))
    x = c.rng.randint(40, c.w - length - 40)
    c.ship(x, int(horizon + c.h * c.rng.uniform(0.12, 0.22)), length, hull, naval=naval)
    for _ in range(c.rng.randint(0, 3)):
        c.ship(
            c.rng.randint(0, c.w - 200),
            horizon + c.rng.randint(6, 20),
            c.rng.randint(80, 180),
            c.shade((80, 84, 90)),
            naval=c.rng.random() < 0.5,
        )


def fields(c):
    horizon = int(c.h * c.rng.uniform(0.38, 0.5))
    c.sky(horizon)
    c.hills(horizon + 10, c.h * 0.05, c.shade(_mix(c.land, c.horizon_colour, 0.55)), step=80)
    crops = (
        (120, 160, 60),
        (200, 180, 90),
        (90, 130, 50),
        (170, 150, 70),
        (140, 120, 70),
        (100, 150, 80),
    )
    y = horizon + 10
    band = 0
    while y < c.h:
        height = int(30 + band * band * 9)
        colour = c.shade(c.rng.choice(crops))
        tilt = c.rng.randint(-40, 40)
        c.draw.polygon(
            [(0, y), (c.w, y + tilt), (c.w, y + tilt + height + 30), (0, y + height + 30)],
            fill=colour,
        )
        furrow = _mix(colour, (40, 30, 20), 0.2)
        for fx in range(-c.w, c.w * 2, 18 + band * 6):
            c.draw.line(
                [(fx, y + height + 30), (fx + (fx - c.w / 2) * 0.3, y)],
                fill=furrow,
                width=1 + band // 2,
            )
        y += height
        band += 1
    for _ in range(c.rng.randint(3, 8)):
        x = c.rng.randint(0, c.w)
        ground = c.rng.randint(horizon + 40, int(c.h * 0.7))
        c.tree(x, ground, 40 + (ground - horizon) * 0.5, c.shade((50, 90, 40)))
    fx = c.rng.randint(100, c.w - 300)
    fy = horizon + c.rng.randint(60, 140)
    c.building(fx, fy, 160, 90, c.shade((220, 210, 190)), roof="gable")
    c.building(fx + 170, fy, 120, 110, c.shade((150, 60, 40)), windows=False, roof="gable")


def mountains(c):
    horizon = int(c.h * c.rng.uniform(0.55, 0.65))
    c.sky(int(horizon * 0.9))
    # Valley floor behind the ridges, so no gap shows between mountains and hills.
    valley = c.shade(_mix(c.land, c.horizon_colour, 0.35))
    c.draw.rectangle([0, int(horizon * 0.9), c.w, c.h], fill=valley)
    far = c.shade(_mix((120, 130, 150), c.horizon_colour, 0.4))
    c.mountains(horizon - c.h * 0.05, c.h * 0.38, far)
    near = c.shade(_mix((90, 96, 100), c.land, 0.4))
    c.mountains(horizon + c.h * 0.05, c.h * 0.25, near, snow=c.rng.random() < 0.5)
    c.hills(horizon + c.h * 0.12, c.h * 0.1, c.shade(c.land), step=30)
    c.hills(c.h * 0.92, c.h * 0.12, c.shade(_mix(c.land, (30, 50, 20), 0.4)), step=30)
    if c.rng.random() < 0.6:
        # Wind turbines along a ridge.
        for i in range(c.rng.randint(3, 8)):
            x = c.w * (0.1 + 0.8 * i / 8) + c.rng.randint(-30, 30)
            base = horizon + c.h * 0.1
            height = c.rng.randint(150, 260)
            white = c.shade((236, 238, 240))
            c.draw.line([(x, base), (x, base - height)], fill=white, width=6)
            angle = c.rng.uniform(0, 2 * math.pi)
            for k in range(3):
                a = angle + k * 2 * math.pi / 3
                c.draw.line(
                    [
                        (x, base - height),
                        (
                            x + math.cos(a) * height * 0.45,
                            base - height + math.sin(a) * height * 0.45,
                        ),
                    ],
                    fill=white,
                    width=5,
                )


def crowd(c):
    horizon = int(c.h * 0.42)
    c.sky(horizon)
    x = 0
    while x < c.w:
        width = c.rng.randint(120, 240)
        colour = c.shade(
            c.rng.choice(((210, 190, 160), (180, 120, 90), (150, 160, 170), (220, 210, 190)))
        )
        c.building(x, horizon + 120, width, c.rng.randint(200, 360), colour, roof="gable")
        x += width
    c.draw.rectangle([0, horizon + 120, c.w, c.h], fill=c.shade((140, 134, 124)))
    clothes = (
        (40, 50, 90),
        (140, 30, 40),
        (210, 200, 180),
        (60, 100, 60),
        (200, 140, 40),
        (90, 90, 90),
        (30, 30, 30),
        (160, 170, 200),
    )
    rows = c.rng.randint(5, 8)
    for row in range(rows):
        t = row / rows
        feet = horizon + 200 + t * (c.h - horizon - 100)
        size = 110 + 300 * t * t
        x = c.rng.uniform(-size, 0)
        while x < c.w + size:
            c.person(x, feet, size, c.shade(c.rng.choice(clothes)))
            x += size * c.rng.uniform(0.35, 0.9)
        if row == rows // 3 and c.rng.random() < 0.8:
            for _ in range(c.rng.randint(1, 3)):
                bx = c.rng.randint(0, c.w - 300)
                c.draw.line(
                    [(bx, feet - size), (bx, feet - size * 2.2)], fill=(90, 70, 50), width=4
                )
                c.draw.line(
                    [(bx + 280, feet - size), (bx + 280, feet - size * 2.2)],
                    fill=(90, 70, 50),
                    width=4,
                )
                c.draw.rectangle(
                    [bx, feet - size * 2.2, bx + 280, feet - size * 1.7],
                    fill=c.shade(c.rng.choice(((240, 240, 230), (200, 40, 40), (40, 80, 160)))),
                )


def night(c):
    c.time = "night"
    c.sky_top, c.horizon_colour, c.light, c.water, c.land, c.dark = PALETTES["night"]
    horizon = int(c.h * c.rng.uniform(0.55, 0.65))
    c.sky(horizon)
    x = 0
    while x < c.w:
        width = c.rng.randint(50, 150)
        height = int(c.h * c.rng.uniform(0.1, 0.4))
        c.building(x, horizon, width, height, (24 + c.rng.randint(0, 20),) * 3)
        x += width + c.rng.randint(0, 10)
    c.sea(horizon)
    # Reflections of the lit windows.
    for _ in range(500):
        rx = c.rng.randrange(c.w)
        ry = horizon + c.rng.randint(4, int(c.h * 0.3))
        c.draw.line(
            [(rx, ry), (rx + c.rng.randint(4, 30), ry)],
            fill=(255, 210, 120, c.rng.randint(40, 140)),
            width=2,
        )
    for i in range(12):
        lx = c.w * i / 12 + 40
        c.draw.line([(lx, c.h), (lx, c.h - 260)], fill=(30, 30, 36), width=6)
        c.draw.ellipse([lx - 14, c.h - 280, lx + 14, c.h - 252], fill=(255, 226, 150))


def industry(c):
    horizon = int(c.h * c.rng.uniform(0.58, 0.66))
    c.sky(horizon)
    c.draw.rectangle([0, horizon, c.w, c.h], fill=c.shade((110, 106, 100)))
    smoke, sd = c.overlay(4)
    for _ in range(c.rng.randint(2, 5)):
        x = c.rng.randint(int(c.w * 0.1), int(c.w * 0.9))
        height = c.rng.randint(260, 480)
        colour = c.shade(c.rng.choice(((150, 60, 50), (120, 120, 124), (200, 200, 196))))
        c.draw.rectangle([x, horizon - height, x + 46, horizon], fill=colour)
        for k in range(3):
            c.draw.rectangle(
                [x, horizon - height + 30 + k * 60, x + 46, horizon - height + 42 + k * 60],
                fill=(220, 220, 220) if k % 2 == 0 else (190, 40, 40),
            )
        drift = c.rng.choice((-1, 1))
        for k in range(10):
            r = 24 + k * 12
            sx = x + 23 + drift * k * 24
            sy = horizon - height - k * 20
            sd.ellipse([sx - r, sy - r, sx + r, sy + r], fill=(230, 230, 230, 110 - k * 8))
    x = 0
    while x < c.w:
        width = c.rng.randint(200, 380)
        height = c.rng.randint(120, 220)
        colour = c.shade(c.rng.choice(((120, 124, 130), (160, 150, 130), (90, 100, 110))))
        c.draw.rectangle([x, horizon - height, x + width, horizon], fill=colour)
        teeth = width // 50
        for t in range(teeth):
            tx = x + t * 50
            c.draw.polygon(
                [
                    (tx, horizon - height),
                    (tx + 50, horizon - height),
                    (tx + 50, horizon - height - 34),
                ],
                fill=_mix(colour, (255, 255, 255), 0.15),
            )
        for w in range(width // 40):
            c.draw.rectangle(
                [x + 10 + w * 40, horizon - height * 0.6, x + 30 + w * 40, horizon - height * 0.35],
                fill=c.window_colour(),
            )
        x += width + c.rng.randint(10, 60)
    c.paste_layer(smoke, 4 * c.scale)
    for i in range(30):
        y = horizon + 30 + i * 22
        c.draw.line([(0, y), (c.w, y)], fill=c.shade((90, 86, 80)), width=3)


def bridge(c):
    horizon = int(c.h * c.rng.uniform(0.45, 0.55))
    c.sky(horizon)
    c.hills(horizon + 6, c.h * 0.07, c.shade(_mix(c.land, c.horizon_colour, 0.3)), step=50)
    c.sea(horizon + 6)
    deck = int(horizon + c.h * c.rng.uniform(0.06, 0.14))
    stone = c.shade(c.rng.choice(((190, 180, 160), (150, 140, 130), (120, 80, 60))))
    arches = c.rng.randint(3, 6)
    span = c.w / arches
    c.draw.rectangle([0, deck - 30, c.w, deck], fill=stone)
    for i in range(arches + 1):
        px = i * span
        c.draw.rectangle([px - 30, deck, px + 30, c.h * 0.8], fill=stone)
    for i in range(arches):
        px = i * span
        c.draw.chord(
            [px + 30, deck - span * 0.1, px + span - 30, deck + span * 0.55],
            180,
            360,
            fill=(*_mix(c.sky_top, c.water, 0.5), 0),
        )
    for i in range(arches):
        px = i * span
        c.draw.arc(
            [px + 30, deck, px + span - 30, deck + span * 0.7], 180, 360, fill=stone, width=26
        )
    for x in range(0, c.w, 40):
        c.draw.rectangle([x, deck - 60, x + 6, deck - 30], fill=stone)
    c.draw.rectangle([0, deck - 64, c.w, deck - 56], fill=stone)
    for _ in range(c.rng.randint(2, 6)):  # traffic on the deck
        length = c.rng.randint(60, 110)
        x = c.rng.randint(0, c.w)
        c.draw.rectangle(
            [x, deck - 30 - length * 0.35, x + length, deck - 30],
            fill=c.shade(c.rng.choice(((200, 40, 40), (240, 240, 240), (40, 60, 120)))),
        )


def portrait(c, feminine=False):
    rng = c.rng
    bg_top = rng.choice(((70, 90, 110), (120, 110, 100), (60, 80, 70), (140, 150, 160)))
    c.image.paste(_gradient((c.W, c.H), bg_top, _mix(bg_top, (20, 20, 20), 0.5)), (0, 0))
    # A soft window light behind the sitter.
    c.draw.rectangle(
        [c.w * 0.62, c.h * 0.1, c.w * 0.9, c.h * 0.7],
        fill=(*_mix(bg_top, (255, 255, 255), 0.4), 90),
    )
    cx = c.w * rng.uniform(0.42, 0.5)
    skin = rng.choice(((236, 196, 170), (210, 160, 120), (160, 110, 80), (250, 218, 196)))
    coat = rng.choice(((30, 36, 50), (70, 40, 40), (60, 70, 60), (110, 110, 120), (150, 120, 80)))
    hair = rng.choice(((40, 30, 20), (110, 70, 30), (190, 160, 100), (90, 90, 90), (20, 20, 20)))
    head_w, head_h = c.h * 0.24, c.h * 0.31
    head_top = c.h * 0.2
    shoulders = head_top + head_h * 1.08
    # Shoulders and neck.
    c.draw.rounded_rectangle(
        [cx - c.h * 0.4, shoulders, cx + c.h * 0.4, c.h * 1.3], radius=int(c.h * 0.18), fill=coat
    )
    c.draw.polygon(
        [(cx - c.h * 0.08, shoulders), (cx, shoulders + c.h * 0.14), (cx + c.h * 0.08, shoulders)],
        fill=(235, 235, 230),
    )
    c.draw.rectangle(
        [cx - head_w * 0.28, head_top + head_h * 0.8, cx + head_w * 0.28, shoulders + 4],
        fill=_mix(skin, (0, 0, 0), 0.12),
    )
    if feminine:
        c.draw.rounded_rectangle(
            [
                cx - head_w * 0.7,
                head_top - head_h * 0.1,
                cx + head_w * 0.7,
                head_top + head_h * 1.2,
            ],
            radius=int(head_w * 0.5),
            fill=hair,
        )
    c.draw.ellipse([cx - head_w / 2, head_top, cx + head_w / 2, head_top + head_h], fill=skin)
    c.draw.chord(
        [
            cx - head_w * 0.55,
            head_top - head_h * 0.08,
            cx + head_w * 0.55,
            head_top + head_h * 0.55,
        ],
        180,
        360,
        fill=hair,
    )
    eye_y = head_top + head_h * 0.48
    for side in (-1, 1):
        ex = cx + side * head_w * 0.2
        c.draw.ellipse([ex - 12, eye_y - 8, ex + 12, eye_y + 8], fill=(40, 40, 50))
    c.draw.arc(
        [cx - head_w * 0.16, head_top + head_h * 0.62, cx + head_w * 0.16, head_top + head_h * 0.8],
        20,
        160,
        fill=_mix(skin, (120, 40, 40), 0.5),
        width=4,
    )


SCENES = {
    "harbour": harbour,
    "skyline": skyline,
    "parliament": parliament,
    "ship": ship,
    "fields": fields,
    "mountains": mountains,
    "crowd": crowd,
    "night": night,
    "industry": industry,
    "bridge": bridge,
}


def paint(scene, time="morning", seed=0, size=(1920, 1280), feminine=False, exif=None):
    """A JPEG (bytes) of a scene at a time of day; exif is a dict of tag number -> text."""
    rng = random.Random(f"{scene}:{time}:{seed}")
    canvas = Canvas(size[0], size[1], time, rng)
    if scene == "portrait":
        portrait(canvas, feminine=feminine)
    else:
        SCENES[scene](canvas)
    image = canvas.finish()
    info = Image.Exif()
    for tag, value in (exif or {}).items():
        info[tag] = value
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=84, optimize=True, exif=info.tobytes())
    return buffer.getvalue()
