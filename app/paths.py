"""Every per-user path the program uses, from one place (after qutebrowser's `standarddir`).

By default the directories follow the platform's conventions (platformdirs). `--data-dir DIR` or the
environment variable `OMO_POS_DATA_DIR` puts everything under one directory instead: that is how a
demo shop, a test or a second till on one machine stays apart from real data.
"""

from __future__ import annotations

import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger("app.paths")

APP_NAME = "omo-pos"
ENV_DATA_DIR = "OMO_POS_DATA_DIR"


@dataclass(frozen=True)
class Paths:
    data: Path  # the SQLite journal, the lock, print queue
    config: Path  # settings.toml
    logs: Path  # rotating log files and crash reports
    cache: Path  # throwaway data (catalog images, decoded frames)

    @property
    def database(self) -> Path:
        return self.data / "pos.sqlite3"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.toml"

    @classmethod
    def under(cls, base: Path) -> Paths:
        base = Path(base).expanduser().resolve()
        return cls(data=base, config=base / "config", logs=base / "logs", cache=base / "cache")

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        """`data_dir` (the --data-dir flag) wins over $OMO_POS_DATA_DIR, which wins over the platform."""
        chosen = data_dir or os.environ.get(ENV_DATA_DIR)
        if chosen:
            return cls.under(Path(chosen))
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_NAME, appauthor=False)
        return cls(
            data=Path(dirs.user_data_dir),
            config=Path(dirs.user_config_dir),
            logs=Path(dirs.user_log_dir),
            cache=Path(dirs.user_cache_dir),
        )

    def create(self) -> Paths:
        for p in (self.data, self.config, self.logs, self.cache):
            p.mkdir(mode=0o700, parents=True, exist_ok=True)
        return self

    def make_private(self) -> list[Path]:
        """Checked at start: every directory of the till 0700 and every file 0600 (the journal, the member
        cache, logs and settings hold personal data): group and other permissions are taken off whatever
        has them, and each change is logged. Returns what was changed."""
        changed: list[Path] = []
        seen: set[Path] = set()
        for top in (self.data, self.config, self.logs, self.cache):
            if top in seen or not top.exists():
                continue
            seen.add(top)
            for path in [top, *top.rglob("*")]:
                try:
                    st = path.lstat()
                except FileNotFoundError:  # gone meanwhile (a WAL file)
                    continue
                if stat.S_ISLNK(st.st_mode) or not stat.S_IMODE(st.st_mode) & 0o077:
                    continue
                os.chmod(path, stat.S_IMODE(st.st_mode) & 0o700)
                changed.append(path)
        if changed:
            log.warning("made private (others could read them): %s", ", ".join(map(str, changed[:20])))
        return changed
