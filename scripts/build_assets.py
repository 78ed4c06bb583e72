"""Build the lighter DKFDS assets the pages load, from the copy `make assets` takes of node_modules.

- `static/dkfds/css/dkfds-intranet.min.css`: DKFDS's stylesheet with its IBM Plex Sans @font-face rules
  replaced by the three weights the pages use (400, 600, 700), woff2 only, in DKFDS's own Latin-1 subset
  (Danish needs nothing more; any other glyph falls back to the next font of the stack). Medium (500) falls
  back to 400 and italic is synthesised by the browser.
- `static/dkfds/img/icons.svg`: a sprite with only the DKFDS icons our templates name
  (`{% static 'dkfds/img/icons.svg' %}#<id>`), cut from DKFDS's sprite of all icons.
- `static/dkfds/js/dkfds-intranet.min.js`: the DKFDS components the pages use (the menus, responsive
  tables), bundled by esbuild (npm, pinned in package.json) from DKFDS's own sources through
  `scripts/dkfds/dkfds-intranet.js`, in place of DKFDS's full 77 KB bundle. `ESBUILD` names another
  esbuild binary than node_modules' own.

Run by `make assets`; nothing here is committed output.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DKFDS = ROOT / "static" / "dkfds"
TEMPLATES = ROOT / "templates"

FONT_WEIGHTS = {400: "Regular", 600: "SemiBold", 700: "Bold"}
FONT_SOURCE = "fonts/IBMPlexSans/split/woff2/IBMPlexSans-{name}-Latin1.woff2"
FONT_URL = "../fonts/intranet/IBMPlexSans-{name}-Latin1.woff2"  # the three files, copied beside their licence
PLEX_FACE = re.compile(r"@font-face\{[^}]*font-family:\s*[\"']?IBM Plex Sans[\"']?;[^}]*\}")
ICON_USE = re.compile(r"dkfds/img/icons\.svg' %\}#([\w-]+)")
SYMBOL = re.compile(r'<symbol id="([\w-]+)".*?</symbol>', re.S)
JS_ENTRY = ROOT / "scripts" / "dkfds" / "dkfds-intranet.js"
ESBUILD = os.environ.get("ESBUILD", str(ROOT / "node_modules" / ".bin" / "esbuild"))


def font_faces():
    return "".join(
        "@font-face{font-display:swap;font-family:IBM Plex Sans;font-style:normal;"
        f'font-weight:{weight};src:url({FONT_URL.format(name=name)}) format("woff2")}}'
        for weight, name in FONT_WEIGHTS.items()
    )


def build_css():
    css = (DKFDS / "css" / "dkfds.min.css").read_text(encoding="utf-8")
    faces = PLEX_FACE.findall(css)
    if not faces:
        sys.exit("No IBM Plex Sans @font-face rule found in dkfds.min.css: has DKFDS changed?")
    ours = iter([font_faces()])  # our three faces take the place of DKFDS's first one; the rest go
    css = PLEX_FACE.sub(lambda match: next(ours, ""), css)
    css = re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css)
    fonts = DKFDS / "fonts" / "intranet"
    fonts.mkdir(exist_ok=True)
    for name in FONT_WEIGHTS.values():
        source = DKFDS / FONT_SOURCE.format(name=name)
        if not source.is_file():
            sys.exit(f"{source} is missing: has DKFDS changed?")
        shutil.copyfile(source, fonts / source.name)
    shutil.copyfile(DKFDS / "fonts" / "IBMPlexSans" / "split" / "woff2" / "license.txt", fonts / "license.txt")
    (DKFDS / "css" / "dkfds-intranet.min.css").write_text(css, encoding="utf-8")


def build_sprite():
    used = set()
    for template in TEMPLATES.rglob("*.html"):
        used.update(ICON_USE.findall(template.read_text(encoding="utf-8")))
    sprite = (DKFDS / "img" / "all-svg-icons.svg").read_text(encoding="utf-8")
    symbols = {m.group(1): m.group(0) for m in SYMBOL.finditer(sprite)}
    missing = sorted(used - symbols.keys())
    if missing:
        sys.exit(f"Icons named in templates but not in DKFDS's sprite: {', '.join(missing)}")
    body = "".join(symbols[name] for name in sorted(used))
    (DKFDS / "img" / "icons.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg">{body}</svg>\n', encoding="utf-8"
    )


def build_js():
    output = DKFDS / "js" / "dkfds-intranet.min.js"
    output.parent.mkdir(exist_ok=True)
    command = [
        ESBUILD, str(JS_ENTRY), "--bundle", "--minify", "--format=iife", "--global-name=DKFDS",
        "--target=es2020", "--legal-comments=none", "--log-level=warning", f"--outfile={output}",
        # DKFDS's sources require a tiny package it installs only for its own build.
        f"--alias:array-foreach=./{JS_ENTRY.with_name('array-foreach.js').relative_to(ROOT)}",
    ]  # fmt: skip
    try:
        subprocess.run(command, cwd=ROOT, check=True)  # noqa: S603
    except FileNotFoundError:
        sys.exit(f"{ESBUILD} is missing: run `npm ci` (make install does).")
    except subprocess.CalledProcessError as error:
        sys.exit(f"esbuild failed ({error.returncode}): has DKFDS changed?")


if __name__ == "__main__":
    build_css()
    build_sprite()
    build_js()
