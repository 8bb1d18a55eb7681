"""Small questions asked without a nested event loop: the dialog opens (window-modal), the answer comes
back by signal, and the scan field gets the focus back when it closes, so every shortcut works at once.

Each `ask_*` returns the open dialog (tests answer it as a person would). `on_closed` runs whatever the
answer, after it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ui.qt import QDialog, QInputDialog, QMessageBox, Qt, QWidget

Closed = Callable[[], None] | None


def _finish(dlg: QDialog, on_closed: Closed) -> QDialog:
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if on_closed is not None:
        dlg.finished.connect(lambda _result: on_closed())
    dlg.open()
    return dlg


def ask_text(
    parent: QWidget,
    title: str,
    label: str,
    on_answer: Callable[[str], None],
    *,
    text: str = "",
    on_closed: Closed = None,
) -> QInputDialog:
    dlg = QInputDialog(parent)
    dlg.setObjectName("askText")
    dlg.setInputMode(QInputDialog.InputMode.TextInput)
    dlg.setWindowTitle(title)
    dlg.setLabelText(label)
    dlg.setTextValue(text)
    dlg.textValueSelected.connect(on_answer)
    return _finish(dlg, on_closed)


def ask_int(
    parent: QWidget,
    title: str,
    label: str,
    value: int,
    lowest: int,
    highest: int,
    on_answer: Callable[[int], None],
    *,
    on_closed: Closed = None,
) -> QInputDialog:
    dlg = QInputDialog(parent)
    dlg.setObjectName("askInt")
    dlg.setInputMode(QInputDialog.InputMode.IntInput)
    dlg.setWindowTitle(title)
    dlg.setLabelText(label)
    dlg.setIntRange(lowest, highest)
    dlg.setIntValue(value)
    dlg.intValueSelected.connect(on_answer)
    return _finish(dlg, on_closed)


def ask_item(
    parent: QWidget,
    title: str,
    label: str,
    items: Sequence[str],
    on_answer: Callable[[int], None],
    *,
    on_closed: Closed = None,
) -> QInputDialog:
    """Pick one of `items`; `on_answer` gets its index."""
    dlg = QInputDialog(parent)
    dlg.setObjectName("askItem")
    dlg.setWindowTitle(title)
    dlg.setLabelText(label)
    dlg.setComboBoxItems(list(items))
    dlg.setComboBoxEditable(False)
    dlg.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems, True)
    labels = list(items)
    dlg.textValueSelected.connect(lambda chosen: on_answer(labels.index(chosen)))
    return _finish(dlg, on_closed)


def confirm(
    parent: QWidget, title: str, text: str, on_yes: Callable[[], None], *, on_closed: Closed = None
) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirm")
    yes = box.addButton(QMessageBox.StandardButton.Yes)
    box.addButton(QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.finished.connect(lambda _r: on_yes() if box.clickedButton() is yes else None)
    return _finish(box, on_closed)


__all__ = ["ask_int", "ask_item", "ask_text", "confirm"]
