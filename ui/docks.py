"""The docks beside the workspaces: the last receipt, the demo's simulator panel, the member-QR camera.

Docks are tabbed in one narrow column on the right so the cart keeps most of the width. A click in a dock
never takes the shortcuts away: they are the window's (see `ui.main_window`).
"""

from __future__ import annotations

from typing import Any

from app.devices import camera_source, camera_stages
from ui.qt import QCoreApplication, QDockWidget, QPushButton, QScrollArea, Qt, QTabBar, QVBoxLayout, QWidget


def column_width(window: QWidget) -> int:
    """The docks' column: a quarter of the window (at least 250 px), wider when the docks' tab titles need
    it (a longer language: Italian's "Scontrino · Demo · Webcam"), never more than a third of the window."""
    bars = [b for b in window.findChildren(QTabBar) if b.parent() is window and b.isVisible()]
    titles = max((b.sizeHint().width() + 12 for b in bars), default=0)  # + the dock's frame
    return min(max(250, window.width() // 4, titles), window.width() // 3)


class ReceiptDock(QDockWidget):
    """The last receipt as the customer got it, with "Print or save as PDF"."""

    def __init__(self, window: QWidget, fmt: Any) -> None:
        from ui.receipt_view import ReceiptView

        super().__init__(QCoreApplication.translate("ReceiptDock", "Receipt"), window)
        self.setObjectName("receiptDock")
        self.fmt = fmt
        box = QWidget(self)
        lay = QVBoxLayout(box)
        self.view = ReceiptView(box, fit_width=True)
        area = QScrollArea(box)
        area.setWidget(self.view)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lay.addWidget(area, 1)
        self.button = QPushButton(self.tr("Print or save as PDF…"), box)
        self.button.setMinimumHeight(44)
        self.button.setEnabled(False)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.clicked.connect(self.open_dialog)
        lay.addWidget(self.button)
        self.setWidget(box)

    def show_receipt(self, receipt: Any) -> None:
        self.view.set_receipt(receipt, self.fmt)
        self.button.setEnabled(True)
        self.show()
        self.raise_()

    def open_dialog(self) -> Any:
        """The last receipt on any system printer, or as a PDF (Qt print support)."""
        from ui.receipt_print import ReceiptDialog

        receipt = self.view.receipt
        if receipt is None:
            return None
        dlg = ReceiptDialog(receipt, format_amount=self.fmt, parent=self.parentWidget())
        dlg.open()
        return dlg


class CameraDock(QDockWidget):
    """The member-QR camera, for associates: the demo's phone camera or the configured webcam. It runs
    only while on screen: decoding frames nobody looks at would take CPU from the scans on a 2-core till."""

    def __init__(self, window: QWidget, shop: Any, settings: Any) -> None:
        from hardware.camera.pipeline import DecodePipeline
        from ui.camera_preview import CameraPreview

        super().__init__(QCoreApplication.translate("CameraDock", "Camera"), window)
        self.setObjectName("cameraDock")
        box = QWidget(self)
        lay = QVBoxLayout(box)
        self.preview = CameraPreview(box)
        self.preview.setMinimumSize(240, 180)
        lay.addWidget(self.preview)
        self.setWidget(box)
        stages = camera_stages(settings)
        source = shop.demo.camera if shop.demo is not None else camera_source(settings)
        pipeline = (lambda: DecodePipeline.from_specs(stages)) if stages else DecodePipeline.from_specs
        self._args = (source, pipeline)
        self.visibilityChanged.connect(self._visible)

    def _visible(self, visible: bool) -> None:
        if visible and self.preview.worker is None:
            self.preview.start(*self._args)
        elif not visible and self.preview.worker is not None:
            self.preview.stop()

    def start_if_shown(self) -> None:
        self._visible(self.isVisible() and not self.visibleRegion().isEmpty())

    def stop(self) -> None:
        self.preview.stop()


__all__ = ["CameraDock", "ReceiptDock"]
