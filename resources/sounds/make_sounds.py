"""Generate the three alert sounds shipped in this folder.

    python resources/sounds/make_sounds.py

Three kinds, three shapes, so staff learn them by ear (one bell for everything confuses people,
see shared/reference/product-anchors.md §2.2):

* ``new_order.wav``: a bright rising two-note chime, played twice. Pleasant, clearly "come here".
* ``cancelled.wav``: three falling notes with a hard edge. "Stop what you are doing."
* ``problem.wav``: a fast pulsing two-tone buzz, like an appliance alarm. "Something is wrong."

Plain Python (``wave`` + ``math``), deterministic output: running it again gives the same bytes.
16-bit mono PCM at 22,050 Hz is what ``QSoundEffect`` plays everywhere and keeps each file small.
"""

from __future__ import annotations

import math
import struct
import wave
from collections.abc import Callable, Iterable
from pathlib import Path

RATE = 22_050
PEAK = 0.85  # of full scale: loud enough for a noisy kitchen, no clipping after mixing harmonics

Wave = Callable[[float], float]


def sine(freq: float) -> Wave:
    return lambda t: math.sin(2 * math.pi * freq * t)


def bell(freq: float) -> Wave:
    """A sine with a few soft harmonics: carries further than a pure tone, still round."""
    return lambda t: (
        (
            math.sin(2 * math.pi * freq * t)
            + 0.35 * math.sin(2 * math.pi * 2 * freq * t)
            + 0.12 * math.sin(2 * math.pi * 3 * freq * t)
        )
        / 1.47
    )


def edgy(freq: float) -> Wave:
    """Odd harmonics (towards a square wave): harsher, clearly not the friendly chime."""
    return lambda t: (
        (
            math.sin(2 * math.pi * freq * t)
            + 0.33 * math.sin(2 * math.pi * 3 * freq * t)
            + 0.2 * math.sin(2 * math.pi * 5 * freq * t)
        )
        / 1.53
    )


def note(shape: Wave, seconds: float, attack: float = 0.01, decay: float = 4.0) -> list[float]:
    """One note: a quick attack, then an exponential decay (a struck bell, not an organ)."""
    count = int(seconds * RATE)
    samples = []
    for i in range(count):
        t = i / RATE
        envelope = min(1.0, t / attack) * math.exp(-decay * t)
        # Fade out the last 10 ms so the note never ends on a click.
        envelope *= min(1.0, (count - i) / (0.01 * RATE))
        samples.append(shape(t) * envelope)
    return samples


def silence(seconds: float) -> list[float]:
    return [0.0] * int(seconds * RATE)


def new_order() -> list[float]:
    # E6 then A6, twice: "ding-DING ... ding-DING".
    phrase = note(bell(1318.5), 0.16, decay=6) + note(bell(1760.0), 0.38, decay=5)
    return phrase + silence(0.12) + phrase + silence(0.05)


def cancelled() -> list[float]:
    # G5, D5, G4 falling, each cut short: "dum-dum-dummm".
    return (
        note(edgy(784.0), 0.2, decay=3)
        + note(edgy(587.3), 0.2, decay=3)
        + note(edgy(392.0), 0.55, decay=2.5)
        + silence(0.05)
    )


def problem() -> list[float]:
    # Six fast pulses alternating A5 and E5: urgent, but short.
    samples: list[float] = []
    for i in range(6):
        freq = 880.0 if i % 2 == 0 else 659.3
        samples += note(edgy(freq), 0.11, attack=0.004, decay=1.0) + silence(0.04)
    return samples


def write(path: Path, samples: Iterable[float]) -> None:
    frames = b"".join(
        struct.pack("<h", int(max(-1.0, min(1.0, s * PEAK)) * 32767)) for s in samples
    )
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


SOUNDS: dict[str, Callable[[], list[float]]] = {
    "new_order.wav": new_order,
    "cancelled.wav": cancelled,
    "problem.wav": problem,
}


def main() -> None:
    here = Path(__file__).resolve().parent
    for name, make in SOUNDS.items():
        write(here / name, make())
        print(f"wrote {here / name}")


if __name__ == "__main__":
    main()
