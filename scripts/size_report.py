"""Files over 400 lines and functions over 60 (STYLE.md): prints them, exits 1 if any.

    .venv/bin/python scripts/size_report.py [src]

Migrations are left out (Django writes them)."""

import ast
import sys
from pathlib import Path

MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60


def too_long(root: Path) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        if "migrations" in path.parts:
            continue
        text = path.read_text()
        lines = text.count("\n") + 1
        if lines > MAX_FILE_LINES:
            found.append(f"{path}: {lines} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{path}:{node.lineno} {node.name}() {length} lines")
    return found


if __name__ == "__main__":
    report = too_long(Path(sys.argv[1] if len(sys.argv) > 1 else "src"))
    print("\n".join(report) or "nothing too long")
    sys.exit(1 if report else 0)
