"""The one place that imports the Qt binding. Widgets import Qt names from here, never from PySide6.

Keeping the binding behind one module leaves one place for binding quirks (as qutebrowser's
`qutebrowser/qt/` and Anki's `aqt/qt/` do).
"""

from PySide6.QtCore import *  # noqa: F403
from PySide6.QtGui import *  # noqa: F403
from PySide6.QtPrintSupport import *  # noqa: F403
from PySide6.QtWidgets import *  # noqa: F403
