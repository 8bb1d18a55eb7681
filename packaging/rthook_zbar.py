"""PyInstaller runtime hook: pyzbar asks `ctypes.util.find_library("zbar")`, which on Linux and macOS
searches the system, not the bundle. Answer with the bundled libzbar when there is one."""

import ctypes.util
import glob
import os
import sys

_system_find_library = ctypes.util.find_library


def _find_library(name):
    if name == "zbar":
        bundled = sorted(glob.glob(os.path.join(sys._MEIPASS, "libzbar*")))  # noqa: SLF001
        if bundled:
            return bundled[0]
    return _system_find_library(name)


ctypes.util.find_library = _find_library
