"""Lighthouse benchmark (not a test): mobile scores for the largest page of every kind of page.

    ./scripts/lighthouse                      # build the site, then measure every kind of page
    ./scripts/lighthouse --site build/site    # measure a site built before (e.g. from synthetic data)
    ./scripts/lighthouse --pages oekonomi/ ''

A page's kind is the template it is made from (build/builder.json, written by `generator generate`); a
hand-written page is a kind of its own. The built site is served on localhost with gzip, as any static host
serves it (an uncompressed local server makes every page look slow on Lighthouse's simulated 4G). Lighthouse
12.2.3 runs from npm (`npx`, installed on first use into a cache of npm's) in Debian's Chromium, with its
default mobile settings. The result is a Markdown table. Scores depend on the machine's load (printed with
them): compare runs of one machine only.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".txt", ".xml", ".csv"}


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it (as a static host sends them)."""

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and urlsplit(self.path).path.endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()  # also the redirect of a folder's address without its "/"
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def largest_of_each_kind(site: Path, builder_data: Path) -> list[str]:
    """The largest page (by its HTML) of each template; every hand-written page."""
    origins = json.loads(builder_data.read_text(encoding="utf-8"))["origins"]
    kinds: dict[str, list[str]] = {}
    for source, origin in origins.items():
        url = source.removesuffix(".md").removesuffix("index").rstrip("/")
        url = f"{url}/" if url else ""
        if (site / url / "index.html").is_file():
            kinds.setdefault(origin["template"] or source, []).append(url)
    return sorted(max(urls, key=lambda url: (site / url / "index.html").stat().st_size) for urls in kinds.values())


def measure(url: str, out: Path) -> dict:
    command = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}"]
    command += ["--chrome-flags=--headless=new --no-sandbox", f"--only-categories={','.join(CATEGORIES)}"]
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    return json.loads(out.read_text(encoding="utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build it into a scratch folder)")
    parser.add_argument("--builder-data", type=Path, default=ROOT / "build" / "builder.json")
    parser.add_argument("--pages", nargs="*", help="paths from the site's root (default: one of each kind)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-lighthouse-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
            subprocess.run([sys.executable, "-m", "generator", "build", "--site-dir", str(site)], check=True, env=env)
        pages = args.pages if args.pages is not None else largest_of_each_kind(site, args.builder_data)
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}; {len(pages)} pages\n")
        print("| page | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS |")
        print("|---" * (len(CATEGORIES) + 5) + "|")
        for page in pages:
            report = measure(base + page, Path(tmp) / "report.json")
            scores = [round(report["categories"][c]["score"] * 100) for c in CATEGORIES]
            metrics = [report["audits"][m]["displayValue"].replace("\xa0", " ") for m in METRICS]
            print(f"| /{page} | " + " | ".join(map(str, scores + metrics)) + " |", flush=True)
        server.shutdown()


if __name__ == "__main__":
    main()
