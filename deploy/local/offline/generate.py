#!/usr/bin/env python3
"""Writes the replay files of the offline sample mode: WireMock mappings and bodies answering every request the three
collectors send for the default catalog, in the formats of GitHub, PyPI, pypistats, Maven Central and deps.dev.

SAMPLE DATA. Every number and date written here is INVENTED: derived deterministically from each project's id and a
per-framework profile below, never measured. The same catalog always gives byte-identical files.

Two snapshots, four weeks apart. WireMock answers each request with snapshot 1 the first time and with snapshot 2 from
then on (one scenario per URL), so a first collection sees snapshot 1 and every later one snapshot 2. The upstream
series (pypistats' 180 daily downloads, GitHub's commits per 30-day window, release dates) encode each framework's
trend, so momentum shows from the first collection.

    python3 deploy/local/offline/generate.py            # default catalog -> deploy/local/offline/replay
    python3 deploy/local/offline/generate.py --catalog my.yaml --out /tmp/replay
"""
import argparse
import datetime as dt
import hashlib
import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DEFAULT_CATALOG = ROOT / "services/contract/src/main/resources/ecopulse/catalog.yaml"
DEFAULT_OUT = Path(__file__).resolve().parent / "replay"

# The dates the two snapshots stand for: the last day of data each one holds.
SNAPSHOTS = [dt.date(2026, 10, 31), dt.date(2026, 11, 28)]

# Invented profiles: size relative to the largest ecosystem, and growth per 90 days (0.2 = +20 %).
PROFILES = {
    "pytorch": {"scale": 1.00, "growth": 0.18, "releases_per_year": 10},
    "tensorflow": {"scale": 0.80, "growth": -0.06, "releases_per_year": 8},
    "jax": {"scale": 0.30, "growth": 0.30, "releases_per_year": 12},
    "keras": {"scale": 0.40, "growth": 0.02, "releases_per_year": 6},
    "paddlepaddle": {"scale": 0.15, "growth": 0.04, "releases_per_year": 6},
    "mxnet": {"scale": 0.10, "growth": -0.70, "releases_per_year": 0},  # retired to the Apache Attic in 2023
}
DEFAULT_PROFILE = {"scale": 0.20, "growth": 0.0, "releases_per_year": 4}
MXNET_LAST_RELEASE = dt.date(2022, 5, 17)  # releases of a retired ecosystem stop here

RATE_HEADERS = {"x-ratelimit-limit": "5000", "x-ratelimit-remaining": "4990", "x-ratelimit-used": "10",
                "x-ratelimit-reset": "1893456000"}
GITHUB_BATCH = 50  # run.sh sets ECOPULSE_GITHUB_BATCH_SIZE to this
GITHUB_BACKFILL_BATCH = 25  # the collector's default ecopulse.github.backfill-batch-size


# --- the catalog: the small YAML subset catalog.yaml uses (lists of "key: value" maps, flow lists and maps) --------
def read_catalog(path):
    """Projects as dicts; 'frameworks' is always the list of framework ids (a mapping's shares are not needed here)."""
    projects, current, section = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if not line.startswith(" "):
            section = line.rstrip(":")
            continue
        item = re.match(r"^\s*(- )?(\w+):\s*(.*)$", line)
        if section != "projects" or not item:
            continue
        if item.group(1):
            current = {}
            projects.append(current)
        value = item.group(3).strip()
        if value.startswith("["):
            value = [v.strip() for v in value.strip("[]").split(",") if v.strip()]
        elif value.startswith("{"):
            # "{a: 1, b: 2}"; keys may hold a colon (Maven coordinates), so split on ": " only
            value = dict(pair.strip().split(": ", 1) for pair in value.strip("{}").split(",") if pair.strip())
            if item.group(2) == "frameworks":
                value = list(value)
        current[item.group(2)] = value
    return projects


# --- invented numbers ----------------------------------------------------------------------------------------------
def unit(key, salt):
    """A number in [0, 1) fixed by key and salt."""
    digest = hashlib.sha256(f"{key}/{salt}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2 ** 64


def between(key, salt, low, high):
    return low + (high - low) * unit(key, salt)


def profile(project):
    return PROFILES.get(project["frameworks"][0], DEFAULT_PROFILE)


def level(base, growth, days_after_first):
    """A cumulative count (stars, dependents...) after some days: grows with the profile, shrinks at most slowly."""
    return int(round(base * (1 + max(growth, -0.03) * days_after_first / 90)))


def release_dates(key, prof, as_of, count_back=24):
    """Release dates, newest first: evenly spread at the profile's rate, jittered per project."""
    if prof["releases_per_year"] == 0:
        start, every = MXNET_LAST_RELEASE, 120
    else:
        every = 365 / prof["releases_per_year"]
        start = as_of - dt.timedelta(days=int(between(key, "first-release", 3, every)))
    return [start - dt.timedelta(days=int(i * every)) for i in range(count_back)]


def version(index_from_oldest):
    return f"{1 + index_from_oldest // 10}.{index_from_oldest % 10}.0"


def stamp(day, hour=10):
    return dt.datetime(day.year, day.month, day.day, hour, 0, 0, tzinfo=dt.timezone.utc)


def iso(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


# --- writing WireMock files -----------------------------------------------------------------------------------------
class Replay:
    def __init__(self, out):
        self.out = out
        self.mappings = {}

    def body(self, name, content):
        path = self.out / "__files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = content if isinstance(content, str) else json.dumps(content, separators=(",", ":"), sort_keys=True)
        path.write_text(text, encoding="utf-8")
        return name

    def serve(self, group, scenario, snapshot, request, status=200, body_file=None, headers=None, priority=None):
        """One answer per snapshot: snapshot 1 moves the URL's scenario on to snapshot 2, which then stays."""
        mapping = {"scenarioName": scenario, "request": request,
                   "response": {"status": status, "headers": headers or {}}}
        if priority is not None:
            mapping["priority"] = priority
        if body_file:
            mapping["response"]["bodyFileName"] = body_file
        if snapshot == 0:
            mapping["requiredScenarioState"] = "Started"
            mapping["newScenarioState"] = "snapshot-2"
        else:
            mapping["requiredScenarioState"] = "snapshot-2"
        self.mappings.setdefault(group, []).append(mapping)

    def write(self):
        for group, mappings in self.mappings.items():
            path = self.out / "mappings" / f"{group}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"mappings": mappings}, indent=1, sort_keys=True) + "\n", encoding="utf-8")


# --- GitHub: the GraphQL batch query and the REST contributor count --------------------------------------------------
def github(replay, projects):
    repos = [p for p in projects if p.get("github")]
    for s, as_of in enumerate(SNAPSHOTS):
        days = (as_of - SNAPSHOTS[0]).days
        # every run's query (6 commit windows) per batch of 50; a backfill's (13 windows, variable $d13) per batch
        # of 25. A batch is told apart by its first repository, whose scenario both kinds share, so the backfill of
        # the first collection moves it on to snapshot 2 like any first answer.
        for size, windows, kind in ((GITHUB_BATCH, 6, "graphql"), (GITHUB_BACKFILL_BATCH, 13, "graphql-backfill")):
            for b in range(0, len(repos), size):
                github_batch(replay, repos[b:b + size], b, s, as_of, days, windows, kind)
        for p in repos:
            prof, key = profile(p), p["id"]
            contributors = level(between(key, "contributors", 80, 3500) * prof["scale"] + 20, prof["growth"], days)
            owner, name = p["github"].split("/")
            link = (f'<https://api.github.com/repos/{owner}/{name}/contributors?per_page=1&anon=1&page=2>; '
                    f'rel="next", <https://api.github.com/repos/{owner}/{name}/contributors?per_page=1&anon=1'
                    f'&page={contributors}>; rel="last"')
            replay.serve("github", f"contributors-{key}", s, {
                "method": "GET", "urlPath": f"/repos/{owner}/{name}/contributors",
                "queryParameters": {"per_page": {"equalTo": "1"}, "anon": {"equalTo": "1"}}},
                body_file=replay.body(f"s{s + 1}/github/contributors-{key}.json",
                                      [{"login": "sample-user", "id": 1, "type": "User", "contributions": 100}]),
                headers={"Content-Type": "application/json; charset=utf-8", **RATE_HEADERS,
                         "x-ratelimit-resource": "core", "ETag": f'W/"sample-{key}-{s + 1}"', "Link": link})


def github_batch(replay, batch, start, s, as_of, days, windows, kind):
    data = {"rateLimit": {"cost": 1 if windows <= 6 else 5, "limit": 5000, "remaining": 4990, "used": 10,
                          "resetAt": "2030-01-01T00:00:00Z"}}
    for i, p in enumerate(batch):
        data[f"r{i}"], data[f"c{i}"] = repository(p, as_of, days, windows)
    owner, name = batch[0]["github"].split("/")
    patterns = [{"contains": "query Signals"},
                {"matchesJsonPath": {"expression": "$.variables.o0", "equalTo": owner}},
                {"matchesJsonPath": {"expression": "$.variables.n0", "equalTo": name}}]
    if windows > 6:
        patterns.append({"matchesJsonPath": "$.variables.d13"})
    replay.serve("github", f"graphql-{start}", s, {"method": "POST", "url": "/graphql", "bodyPatterns": patterns},
                 body_file=replay.body(f"s{s + 1}/github/{kind}-{start}.json", {"data": data}),
                 headers={"Content-Type": "application/json; charset=utf-8", **RATE_HEADERS,
                          "x-ratelimit-resource": "graphql"},
                 priority=1 if windows > 6 else None)


def commit_windows(previous_commits, growth, windows):
    """Commits per 30-day window, newest first: each 90 days (1 + growth) times the 90 before, flat past 150 days."""
    return [int(round(previous_commits / 3 * (1 + growth) ** ((2 - min(k, 5)) / 3))) for k in range(windows)]


def repository(p, as_of, days, windows):
    prof, key, g = profile(p), p["id"], profile(p)["growth"]
    retired = prof is PROFILES["mxnet"]
    stars = level(between(key, "stars", 2000, 90000) * prof["scale"] + 300, g, days)
    previous_commits = int(between(key, "commits", 150, 2400) * prof["scale"]) + 5
    dates = [d for d in release_dates(key, prof, as_of) if d <= as_of]
    # every release (fewer than 100): the page is the whole list, so every release window is complete
    nodes = [{"tagName": f"v{version(len(dates) - 1 - i)}", "publishedAt": iso(stamp(d)), "createdAt": iso(stamp(d)),
              "isDraft": False, "isPrerelease": False} for i, d in enumerate(dates)]
    latest = {"tagName": f"v{version(len(dates) - 1)}", "publishedAt": iso(stamp(dates[0])), "isPrerelease": False}
    pushed = stamp(dates[0] if retired else as_of - dt.timedelta(days=1), 18)
    repo = {
        "nameWithOwner": p["github"],
        "stargazerCount": stars,
        "forkCount": int(stars * between(key, "forks", 0.12, 0.3)),
        "watchers": {"totalCount": int(stars * between(key, "watchers", 0.01, 0.03))},
        "issues": {"totalCount": int(between(key, "open-issues", 40, 4000) * prof["scale"]) + 3},
        "pullRequests": {"totalCount": int(between(key, "open-prs", 10, 900) * prof["scale"]) + 1},
        "createdAt": iso(stamp(dt.date(2015, 1, 1) + dt.timedelta(days=int(between(key, "created", 0, 2900))))),
        "pushedAt": iso(pushed),
        "isArchived": retired and p["id"] == "mxnet-core",
        "licenseInfo": {"spdxId": "Apache-2.0" if unit(key, "license") < 0.7 else "MIT"},
        "primaryLanguage": {"name": "C++" if "core" in key or key in ("torch", "paddle") else "Python"},
        "repositoryTopics": {"nodes": [{"topic": {"name": t}} for t in ("deep-learning", p["frameworks"][0])]},
        "latestRelease": latest,
        "releases": {"totalCount": len(dates), "pageInfo": {"hasNextPage": False, "endCursor": "c2FtcGxl"},
                     "nodes": nodes},
        "defaultBranchRef": {"target": {
            f"w{k}": {"totalCount": n} for k, n in enumerate(commit_windows(previous_commits, g, windows))}},
    }
    closed = {"issueCount": int(between(key, "closed", 20, 900) * prof["scale"] * (1 + g)) + 1}
    return repo, closed


# --- PyPI: JSON API, Simple API, pypistats, deps.dev -----------------------------------------------------------------
def pypi(replay, projects):
    for p in projects:
        for package in p.get("pypi", []):
            for s, as_of in enumerate(SNAPSHOTS):
                pypi_package(replay, p, package, s, as_of)


def pypi_package(replay, p, package, s, as_of):
    prof, key, g = profile(p), f"{p['id']}/{package}", profile(p)["growth"]
    days = (as_of - SNAPSHOTS[0]).days
    # a release keeps its date from one snapshot to the next, as on PyPI: the release windows of both agree
    dates = sorted(d for d in release_dates(key, prof, SNAPSHOTS[0], 12) if d <= as_of)
    versions = [version(i) for i in range(len(dates))]
    files = [{"filename": f"{package.replace('-', '_')}-{v}-py3-none-any.whl", "upload-time": iso(stamp(d)),
              "yanked": False, "size": 400000, "requires-python": ">=3.9",
              "url": f"https://files.example.invalid/{package}-{v}.whl", "hashes": {"sha256": "0" * 64}}
             for v, d in zip(versions, dates)]
    status = "7 - Inactive" if prof is PROFILES["mxnet"] else "5 - Production/Stable"
    releases = {v: [{"filename": f["filename"], "packagetype": "bdist_wheel", "size": 400000,
                     "upload_time_iso_8601": f["upload-time"], "requires_python": ">=3.9", "yanked": False}]
                for v, f in zip(versions, files)}
    project_json = {"info": {"name": package, "version": versions[-1], "summary": f"{package} (sample data)",
                             "classifiers": [f"Development Status :: {status}",
                                             "License :: OSI Approved :: Apache Software License",
                                             "Programming Language :: Python :: 3"],
                             "requires_dist": ["numpy>=1.22"], "requires_python": ">=3.9",
                             "license_expression": "Apache-2.0", "yanked": False},
                    "releases": releases, "urls": releases[versions[-1]], "vulnerabilities": []}
    simple = {"meta": {"api-version": "1.1"}, "name": package, "versions": versions, "files": files}
    group, tag = "pypi", f"{package}-{s + 1}"
    replay.serve(group, f"json-{package}", s, {"method": "GET", "urlPath": f"/pypi/{package}/json"},
                 body_file=replay.body(f"s{s + 1}/pypi/{package}.json", project_json),
                 headers={"Content-Type": "application/json", "ETag": f'"json-{tag}"'})
    replay.serve(group, f"simple-{package}", s, {"method": "GET", "urlPath": f"/simple/{package}/"},
                 body_file=replay.body(f"s{s + 1}/simple/{package}.json", simple),
                 headers={"Content-Type": "application/vnd.pypi.simple.v1+json", "ETag": f'"simple-{tag}"'})

    # downloads: each 90 days (1 + growth) times the 90 before, with a weekly rhythm
    today = between(key, "downloads", 20000, 3000000) * prof["scale"] + 50
    last = as_of - dt.timedelta(days=1)
    daily = []
    for back in range(180):
        day = last - dt.timedelta(days=back)
        weekday = 0.75 if day.weekday() >= 5 else 1.0
        daily.append((day, int(today * (1 + g) ** ((days - back) / 90) * weekday) + 1))
    overall = {"data": [{"category": "without_mirrors", "date": d.isoformat(), "downloads": n} for d, n in daily],
               "package": package, "type": "overall_downloads"}
    recent = {"data": {"last_day": daily[0][1], "last_week": sum(n for _, n in daily[:7]),
                       "last_month": sum(n for _, n in daily[:30])}, "package": package, "type": "recent_downloads"}
    replay.serve("pypistats", f"recent-{package}", s, {"method": "GET", "urlPath": f"/api/packages/{package}/recent"},
                 body_file=replay.body(f"s{s + 1}/pypistats/{package}-recent.json", recent),
                 headers={"Content-Type": "application/json"})
    replay.serve("pypistats", f"overall-{package}", s, {"method": "GET",
                                                         "urlPath": f"/api/packages/{package}/overall"},
                 body_file=replay.body(f"s{s + 1}/pypistats/{package}-overall.json", overall),
                 headers={"Content-Type": "application/json"})
    dependents(replay, key, prof, days, s, "pypi", package, versions[-1])


def dependents(replay, key, prof, days, s, system, name, latest):
    direct = level(between(key, "dependents", 30, 20000) * prof["scale"] + 5, prof["growth"], days)
    indirect = int(direct * between(key, "indirect", 1.5, 6))
    encoded = name.replace(":", "%3A")
    if s == 0:  # the package's versions, with the default one whose dependents are asked for
        replay.mappings.setdefault("depsdev", []).append(package_versions(system, name, encoded, latest))
    replay.serve("depsdev", f"{system}-{name}", s, {
        "method": "GET", "url": f"/v3alpha/systems/{system}/packages/{encoded}/versions/{latest}:dependents"},
        body_file=replay.body(f"s{s + 1}/depsdev/{system}-{name.replace(':', '_')}.json",
                              {"dependentCount": direct + indirect, "directDependentCount": direct,
                               "indirectDependentCount": indirect}),
        headers={"Content-Type": "application/json"})


def package_versions(system, name, encoded, default):
    return {"request": {"method": "GET", "url": f"/v3/systems/{system}/packages/{encoded}"},
            "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                         "jsonBody": {"packageKey": {"system": system.upper(), "name": name},
                                      "versions": [{"versionKey": {"system": system.upper(), "name": name,
                                                                   "version": default},
                                                    "publishedAt": "2023-01-10T00:00:00Z", "isDefault": True}]}}}


# --- Maven: maven-metadata.xml, Central search (core=gav), deps.dev ---------------------------------------------------
def maven(replay, projects):
    for p in projects:
        for coordinate in p.get("maven", []):
            for s, as_of in enumerate(SNAPSHOTS):
                maven_artifact(replay, p, coordinate, s, as_of)


def maven_artifact(replay, p, coordinate, s, as_of):
    prof, key = profile(p), f"{p['id']}/{coordinate}"
    group, artifact = coordinate.split(":")
    # a release keeps its date from one snapshot to the next, as on Central: the release windows of both agree
    dates = sorted(d for d in release_dates(key, prof, SNAPSHOTS[0], 10) if d <= as_of)
    versions = [version(i) for i in range(len(dates))]
    metadata = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<metadata>\n"
                f"  <groupId>{group}</groupId>\n  <artifactId>{artifact}</artifactId>\n  <versioning>\n"
                f"    <latest>{versions[-1]}</latest>\n    <release>{versions[-1]}</release>\n    <versions>\n"
                + "".join(f"      <version>{v}</version>\n" for v in versions)
                + f"    </versions>\n    <lastUpdated>{dates[-1].strftime('%Y%m%d')}101112</lastUpdated>\n"
                  "  </versioning>\n</metadata>\n")
    slug = coordinate.replace(":", "_")
    replay.serve("maven", f"metadata-{coordinate}", s, {
        "method": "GET", "url": f"/maven2/{group.replace('.', '/')}/{artifact}/maven-metadata.xml"},
        body_file=replay.body(f"s{s + 1}/maven/{slug}-metadata.xml", metadata), headers={"Content-Type": "text/xml"})
    docs = [{"id": f"{coordinate}:{v}", "g": group, "a": artifact, "v": v, "p": "jar",
             "timestamp": int(stamp(d).timestamp() * 1000), "ec": [".pom", ".jar"], "tags": []}
            for v, d in sorted(zip(versions, dates), key=lambda vd: vd[1], reverse=True)]
    search = {"responseHeader": {"status": 0, "QTime": 1, "params": {"q": f'g:"{group}" AND a:"{artifact}"',
                                                                      "core": "gav", "wt": "json"}},
              "response": {"numFound": len(docs), "start": 0, "docs": docs}}
    replay.serve("maven", f"search-{coordinate}", s, {
        "method": "GET", "urlPath": "/solrsearch/select",
        "queryParameters": {"q": {"equalTo": f'g:"{group}" AND a:"{artifact}"'}, "core": {"equalTo": "gav"},
                            "start": {"equalTo": "0"}}},
        body_file=replay.body(f"s{s + 1}/maven/{slug}-search.json", search),
        headers={"Content-Type": "application/json"})
    dependents(replay, key, prof, (as_of - SNAPSHOTS[0]).days, s, "maven", coordinate, versions[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    projects = read_catalog(args.catalog)
    if not projects:
        raise SystemExit(f"no projects found in {args.catalog}")
    if args.out.exists():
        shutil.rmtree(args.out)
    replay = Replay(args.out)
    github(replay, projects)
    pypi(replay, projects)
    maven(replay, projects)
    replay.write()
    (args.out / "SAMPLE-DATA.txt").write_text(
        "SAMPLE DATA: every number in these replay files is invented by deploy/local/offline/generate.py,\n"
        "derived from the project ids; none is a measurement of GitHub, PyPI, pypistats, Maven Central or deps.dev.\n",
        encoding="utf-8")
    print(f"{len(projects)} projects -> {args.out}")


if __name__ == "__main__":
    main()
