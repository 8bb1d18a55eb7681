"""The window's workspaces: Sell, Members, Returns & pickups, Till, Stock — one tab each, shown to the
roles that may use them, reachable by keyboard (Alt+1 … Alt+5, or Ctrl+Tab to the next one).

A workspace is a page widget registered with the permission that opens it. The host keeps one tab bar
and one stack; which tabs show follows the person logged in.
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.staff import Permission, StaffMember
from ui.qt import QSize, QStackedWidget, Qt, QTabBar, QVBoxLayout, QWidget, Signal, Slot
from ui.widgets import two_lines


@dataclass
class Workspace:
    key: str
    title: str
    page: QWidget
    permissions: tuple[Permission, ...]  # any one of them opens the workspace


class WorkspaceBar(QTabBar):
    """A tab bar whose tabs may be two lines high (QTabBar sizes a tab for one line of text)."""

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 (Qt name)
        size = super().tabSizeHint(index)
        extra = self.tabText(index).count("\n")
        return QSize(size.width(), size.height() + extra * self.fontMetrics().lineSpacing())


class WorkspaceHost(QWidget):
    changed = Signal(str)  # the key of the workspace now shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspaces")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        self.bar = WorkspaceBar(self)
        self.bar.setObjectName("workspaceBar")
        self.bar.setExpanding(False)
        self.bar.setDrawBase(False)
        self.bar.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.bar.currentChanged.connect(self._on_tab)
        self.stack = QStackedWidget(self)
        lay.addWidget(self.bar)
        lay.addWidget(self.stack, 1)
        self.spaces: list[Workspace] = []
        self._visible: list[Workspace] = []

    def add(self, key: str, title: str, page: QWidget, *permissions: Permission) -> None:
        self.spaces.append(Workspace(key, title, page, permissions or (Permission.SELL,)))
        self.stack.addWidget(page)
        self._rebuild(None)

    def allowed(self, member: StaffMember | None) -> list[Workspace]:
        if member is None:
            return []
        return [w for w in self.spaces if any(member.can(p) for p in w.permissions)]

    def show_for(self, member: StaffMember | None) -> None:
        """Only the workspaces this person may use; the first of them is shown."""
        self._rebuild(member)
        if self._visible:
            self.open(self._visible[0].key)

    def _rebuild(self, member: StaffMember | None) -> None:
        self._visible = self.allowed(member) if member is not None else list(self.spaces)
        self.bar.blockSignals(True)
        while self.bar.count():
            self.bar.removeTab(0)
        for i, w in enumerate(self._visible):
            # "&" in a title is no mnemonic here (Returns & pickups)
            label = self.tr("{title}  Alt+{n}").format(title=w.title.replace("&", "&&"), n=i + 1)
            self.bar.addTab(label)
            self.bar.setTabToolTip(i, label.replace("&&", "&"))
            self.bar.setTabData(i, label)
        self.bar.blockSignals(False)
        self.bar.setVisible(len(self._visible) > 1)
        self._fit()

    def _fit(self) -> None:
        """Every tab whole on the bar: on one line while they fit, else each on two (a longer language at
        1024 px: "Returns & pickups  Alt+4" becomes "Returns &" over "pickups  Alt+4"); the tooltip keeps
        the name on one line."""
        room = self.width()
        fm = self.bar.fontMetrics()
        labels = [self.bar.tabData(i) for i in range(self.bar.count())]
        for i, label in enumerate(labels):
            self.bar.setTabText(i, label)
        if sum(self.bar.tabSizeHint(i).width() for i in range(self.bar.count())) > room:
            for i, label in enumerate(labels):
                self.bar.setTabText(i, two_lines(label, fm.horizontalAdvance))

    def resizeEvent(self, e) -> None:  # noqa: N802 (Qt name)
        super().resizeEvent(e)
        self._fit()

    @property
    def current(self) -> str | None:
        page = self.stack.currentWidget()
        return next((w.key for w in self.spaces if w.page is page), None)

    def open(self, key: str) -> bool:
        for i, w in enumerate(self._visible):
            if w.key == key:
                self.bar.setCurrentIndex(i)
                self.stack.setCurrentWidget(w.page)
                self.changed.emit(key)
                return True
        return False

    def shortcut(self, key: str) -> str | None:
        """The key that opens workspace `key` for the person logged in ("Alt+2"), None when it is hidden."""
        return next((f"Alt+{i + 1}" for i, w in enumerate(self._visible) if w.key == key), None)

    def open_index(self, index: int) -> bool:
        return 0 <= index < len(self._visible) and self.open(self._visible[index].key)

    def next(self) -> None:
        if self._visible:
            keys = [w.key for w in self._visible]
            at = keys.index(self.current) if self.current in keys else -1
            self.open(keys[(at + 1) % len(keys)])

    @Slot(int)
    def _on_tab(self, index: int) -> None:
        if 0 <= index < len(self._visible):
            self.open(self._visible[index].key)


__all__ = ["Workspace", "WorkspaceHost"]
