"""The main window. Until the checkout lands it shows which shop, till and mode are running."""

from __future__ import annotations

from ui.paths import Paths
from ui.qt import QFont, QLabel, QMainWindow, Qt, QVBoxLayout, QWidget
from ui.settings import Settings


class MainWindow(QMainWindow):
    def __init__(self, paths: Paths, settings: Settings) -> None:
        super().__init__()
        self.paths = paths
        self.settings = settings
        self.setWindowTitle(f"OMO POS — {settings['store.name']} — till {settings['till.id']}")
        self.resize(1024, 768)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel("OMO POS", central)
        font = QFont(title.font())
        font.setPointSize(28)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(
            f"{settings['store.name']} · till {settings['till.id']} · {settings['mode']} mode", central
        )
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        self.setCentralWidget(central)
        self.statusBar().showMessage(f"Data: {paths.data}")

    def shutdown(self) -> None:
        """Stop background work and join threads before the process exits."""
