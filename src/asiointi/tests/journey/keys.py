"""A person who uses the keyboard alone: Tab and Shift+Tab to move, Enter and Space to press,
arrows within a group of radio buttons. Every stop they aim for must get focus, and its focus
indicator must be visible (the same check as tests/a11y/test_focus_visible.py)."""

from dataclasses import dataclass

from playwright.sync_api import Locator, Page, expect

from asiointi.tests.a11y.focus import FOCUS_JS, focus_problem

IS_FOCUSED_JS = "el => el === document.activeElement"


@dataclass
class Keys:
    page: Page

    def focused(self, target: Locator) -> bool:
        return bool(target.evaluate(IS_FOCUSED_JS))

    def expect_visible_focus(self, target: Locator, where: str) -> None:
        """The target has focus, and a person can see that it has. HDS fades its focus rings in
        (85ms), which a loaded machine draws later: the ring is read again for up to a second."""
        expect(target).to_be_focused()
        problem: object = None
        for _ in range(8):
            self.page.wait_for_timeout(120)
            found = self.page.evaluate(FOCUS_JS)
            problem = focus_problem(found) if found else f"nothing focused at {where}"
            if problem is None:
                return
        raise AssertionError(f"{where}: focus is not visible: {problem}")

    def tab_to(self, target: Locator, where: str, *, back: bool = False, limit: int = 60) -> int:
        """Tab (or Shift+Tab) until the target has focus; returns the number of presses."""
        target.wait_for(state="attached")
        for presses in range(1, limit + 1):
            self.page.keyboard.press("Shift+Tab" if back else "Tab")
            if self.focused(target):
                self.expect_visible_focus(target, where)
                return presses
        found = self.page.evaluate(FOCUS_JS)
        raise AssertionError(f"{where}: {limit} presses never reached {target}; at {found}")

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def replace(self, text: str) -> None:
        """Select what the focused field holds and type over it."""
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.type(text)

    def go(self, key: str = "Enter") -> None:
        """Press a key that loads the next page, and wait for it."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)

    def expect_start_of_page(self, where: str) -> None:
        """A new page starts from the top: the first Tab reaches the skip link, visibly."""
        skip = self.page.locator("a.skip-link")
        self.page.keyboard.press("Tab")
        self.expect_visible_focus(skip, f"{where}, first Tab")
