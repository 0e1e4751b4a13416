"""What a keyboard user sees of focus: the focused element's indicator and what it is drawn on."""

from dataclasses import dataclass

from playwright.sync_api import Page

# The focused element's outline colour, its own background and the background it sits on, all
# read with getComputedStyle and turned into RGB through a canvas (whatever colour syntax).
FOCUS_JS = r"""() => {
  const el = document.activeElement;
  if (!el || el === document.body) { return null; }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  const rgba = colour => {
    ctx.clearRect(0, 0, 1, 1); ctx.fillStyle = '#000'; ctx.fillStyle = colour;
    ctx.fillRect(0, 0, 1, 1); return [...ctx.getImageData(0, 0, 1, 1).data];
  };
  const transparent = colour => rgba(colour)[3] === 0 || colour === 'transparent';
  const backgroundOf = node => {
    for (; node && node.nodeType === 1; node = node.parentElement) {
      const bg = getComputedStyle(node).backgroundColor;
      if (!transparent(bg)) { return rgba(bg).slice(0, 3); }
    }
    return [255, 255, 255];
  };
  // The indicator: an outline, or else a ring drawn as a box-shadow without blur. HDS hides
  // radio buttons and checkboxes and rings their label's ::before instead.
  const ring = style => {
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
      return { colour: style.outlineColor, width: parseFloat(style.outlineWidth),
               offset: parseFloat(style.outlineOffset) };
    }
    const shadow = /(rgba?\([^)]*\))\s+0px\s+0px\s+0px\s+([\d.]+)px/.exec(style.boxShadow || '');
    return shadow ? { colour: shadow[1], width: parseFloat(shadow[2]), offset: 0 } : null;
  };
  let style = getComputedStyle(el);
  let drawnOn = el;
  const label = el.id && document.querySelector(`label[for="${el.id}"]`);
  if (/^(radio|checkbox)$/.test(el.type) && label) {
    style = getComputedStyle(label, '::before');
    drawnOn = label;
  }
  const indicator = ring(style) || { colour: 'transparent', width: 0, offset: 0 };
  const own = transparent(style.backgroundColor) ? null : rgba(style.backgroundColor).slice(0, 3);
  const steps = [];
  for (let node = el; node && node.nodeType === 1 && steps.length < 3; node = node.parentElement) {
    steps.unshift(node.tagName.toLowerCase() + (node.id ? '#' + node.id : '')
      + (typeof node.className === 'string' && node.className
        ? '.' + node.className.trim().split(/\s+/).join('.') : ''));
  }
  return {
    where: steps.join(' > ') + ' "' + (el.textContent || el.value || '').trim().slice(0, 30) + '"',
    outlineWidth: indicator.width,
    outlineOffset: indicator.offset,
    outline: rgba(indicator.colour).slice(0, 3),
    element: own,
    background: backgroundOf(drawnOn.parentElement),
  };
}"""


def luminance(rgb: list[int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[int], b: list[int]) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@dataclass
class Problem:
    where: str
    why: str

    def __str__(self) -> str:
        return f"{self.where}: {self.why}"


def focus_problem(found: dict[str, object]) -> Problem | None:
    """None if the indicator is an outline (or ring) of 2px or more with 3:1 against the
    background it is drawn on and against the element (unless an offset of 2px or more keeps it
    off the element)."""
    where = str(found["where"])
    if float(str(found["outlineWidth"])) < 2:
        return Problem(where, "no outline or ring of at least 2px")
    outline = list(found["outline"])  # type: ignore[call-overload]
    background = list(found["background"])  # type: ignore[call-overload]
    ratio = contrast(outline, background)
    if ratio < 3:
        return Problem(where, f"outline {outline} on background {background}: {ratio:.2f}:1")
    element = found["element"]
    if element is not None and float(str(found["outlineOffset"])) < 2:
        ratio = contrast(outline, list(element))  # type: ignore[call-overload]
        if ratio < 3:
            return Problem(where, f"outline {outline} on the element {element}: {ratio:.2f}:1")
    return None


def tab_through(page: Page, *, limit: int = 80) -> list[Problem]:
    """Tab from the top of the page to its end (or `limit` stops), checking every stop."""
    problems: list[Problem] = []
    seen: set[str] = set()
    page.locator("body").focus()
    for _ in range(limit):
        page.keyboard.press("Tab")
        page.wait_for_timeout(120)  # HDS fades its rings in for 85ms
        found = page.evaluate(FOCUS_JS)
        if found is None:
            break
        key = str(found["where"])
        if key in seen and key.startswith("a.skip-link"):
            break
        seen.add(key)
        problem = focus_problem(found)
        if problem:
            problems.append(problem)
    return problems
