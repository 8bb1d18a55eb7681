"""Telling a keyboard-wedge scanner's burst apart from a person typing, from (char, time) events alone.

A scanner types a whole code in a few milliseconds per key and ends it with Enter; a person leaves
100 ms or more between keys. The detector holds each key back until it knows which it is:

- a key arrives within ``max_gap`` of the previous held key: the burst goes on, keep holding;
- the terminator arrives fast after at least ``min_length`` held keys: :class:`Scan` (the keys are eaten);
- the gap runs out (``deadline()`` passed, the caller calls :meth:`timeout`), or a slow key, or an early
  terminator: the held keys are :class:`Typed` and the caller delivers them as ordinary typing;
- a fast run of at least ``min_length`` keys that times out without a terminator is a
  :class:`PartialScan` (a scan cut short: shown as an error line, never typed into a field).

Typing is therefore delayed by at most ``max_gap`` (30-50 ms), which nobody notices; a scan never leaks
into whatever field has focus. Pure and clock-free: the caller passes timestamps (seconds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

DEFAULT_MAX_GAP_S = 0.04
DEFAULT_MIN_LENGTH = 6
DEFAULT_TERMINATORS = ("\r", "\n")


@dataclass(frozen=True, slots=True)
class Scan:
    code: str


@dataclass(frozen=True, slots=True)
class PartialScan:
    chars: str


@dataclass(frozen=True, slots=True)
class Typed:
    """Release these held keys (in order, terminator included if it was one) as ordinary typing."""

    chars: str


WedgeOutput = Scan | PartialScan | Typed


@dataclass
class WedgeDetector:
    max_gap: float = DEFAULT_MAX_GAP_S
    min_length: int = DEFAULT_MIN_LENGTH
    terminators: tuple[str, ...] = DEFAULT_TERMINATORS
    max_length: int = 128
    _held: list[str] = field(default_factory=list, init=False)
    _last: float | None = field(default=None, init=False)

    @property
    def holding(self) -> int:
        """How many keys are held back right now (the Qt filter keeps the matching key events)."""
        return len(self._held)

    def deadline(self) -> float | None:
        """When the held keys must be released if no further key arrives (None: nothing held)."""
        return None if self._last is None else self._last + self.max_gap

    def key(self, char: str, t: float) -> list[WedgeOutput]:
        """One key press with its text (one character) at time ``t``."""
        out: list[WedgeOutput] = []
        if self._last is not None and t - self._last > self.max_gap:
            out.extend(self._release())
        if char in self.terminators:
            if len(self._held) >= self.min_length:
                code = "".join(self._held)
                self._reset()
                out.append(Scan(code))
            else:
                out.extend(self._release())
                out.append(Typed(char))
            return out
        self._held.append(char)
        self._last = t
        if len(self._held) > self.max_length:  # not a scanner: nothing scans this long
            out.append(Typed("".join(self._held)))
            self._reset()
        return out

    def timeout(self, t: float) -> list[WedgeOutput]:
        """Call when ``deadline()`` has passed (a timer); releases held keys. ``t`` may be any later time."""
        if self._last is None or t < self._last + self.max_gap:
            return []
        return self._release()

    def flush(self) -> list[WedgeOutput]:
        """Release whatever is held now (focus change, shutdown)."""
        return self._release()

    def _release(self) -> list[WedgeOutput]:
        if not self._held:
            self._reset()
            return []
        chars = "".join(self._held)
        self._reset()
        if len(chars) >= self.min_length:
            return [PartialScan(chars)]
        return [Typed(chars)]

    def _reset(self) -> None:
        self._held = []
        self._last = None
