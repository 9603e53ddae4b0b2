#!/usr/bin/env python3
"""Writes the replay files of the offline sample mode: WireMock mappings and bodies answering every request the seven
collectors send for the default catalog, in the formats of GitHub, PyPI, pypistats, Maven Central, deps.dev, the
Hugging Face Hub, Stack Exchange, npm and OpenAlex.

SAMPLE DATA. Every number and date written here is INVENTED: derived deterministically from each project's id and a
per-framework profile below, never measured. The same catalog always gives byte-identical files.

Two snapshots, four weeks apart. WireMock answers each request with snapshot 1 the first time and with snapshot 2 from
then on (one scenario per URL), so a first collection sees snapshot 1 and every later one snapshot 2. The upstream
series (pypistats' 180 daily downloads, GitHub's commits per 30-day window, release dates) encode each framework's
trend, so momentum shows from the first collection. The Hub's creation dates, Stack Exchange's question counts and
OpenAlex's work counts are asked relative to the day of the run, so those answers are WireMock response templates that
compute the invented numbers from the request's dates and the current time: they stay current whenever the sample runs.

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
def scalar(value):
    """A YAML scalar as catalog.yaml writes them: plain, 'single-quoted' ('' for a quote) or "double-quoted"."""
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1]
    return value


def read_catalog(path, section_wanted="projects"):
    """Projects (or frameworks) as dicts; a project's 'frameworks' is always the list of framework ids (a mapping's
    shares are not needed here)."""
    projects, current, section = [], None, None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #")[0].rstrip() if not raw.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        if not line.startswith(" "):
            section = line.rstrip(":")
            continue
        item = re.match(r"^\s*(- )?(\w+):\s*(.*)$", line)
        if section != section_wanted or not item:
            continue
        if item.group(1):
            current = {}
            projects.append(current)
        value = item.group(3).strip()
        if value.startswith("["):
            value = [scalar(v.strip()) for v in value.strip("[]").split(",") if v.strip()]
        elif value.startswith("{"):
            # "{a: 1, b: 2}"; keys may hold a colon (Maven coordinates), so split on ": " only
            value = dict(pair.strip().split(": ", 1) for pair in value.strip("{}").split(",") if pair.strip())
            if item.group(2) == "frameworks":
                value = list(value)
        else:
            value = scalar(value)
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

    def serve(self, group, scenario, snapshot, request, status=200, body_file=None, headers=None, priority=None,
              transformers=None):
        """One answer per snapshot: snapshot 1 moves the URL's scenario on to snapshot 2, which then stays."""
        mapping = {"scenarioName": scenario, "request": request,
                   "response": {"status": status, "headers": headers or {}}}
        if transformers:
            mapping["response"]["transformers"] = transformers
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


# --- templated counts: Stack Exchange and OpenAlex count by the dates the run asks for ------------------------------
def trend_count(days, age, per_day, growth):
    """A Handlebars expression: per_day times the days counted, fewer the older the range for a growing framework,
    more for a shrinking one (1 + |growth| / 90 per day of age, as a hyperbola so no count ever turns negative).
    'days' and 'age' are expressions or variables in days; the result is a whole number."""
    slope = int(round(abs(growth) * 1000 / 90 * 10))  # per day of age, in 1/10,000ths
    if growth >= 0:
        return f"{{{{math (math {days} '*' {per_day * 10000}) '/' (math 10000 '+' (math {age} '*' {slope}))}}}}"
    return (f"{{{{math (math (math {days} '*' {per_day}) '*' (math 10000 '+' (math {age} '*' {slope}))) '/' 10000}}}}")


# --- Hugging Face Hub: models by library tag (newest first, Link-paged), the most downloaded models ----------------
HUB_PAGE = 1000  # models per page, as the collector's default ecopulse.huggingface.page-size asks
HUB_TOP = 300  # the most downloaded models listed (the collector reads as many as are there, up to its top-models)
HUB_HEADERS = {"Content-Type": "application/json; charset=utf-8", "RateLimit": '"api";r=990;t=240',
               "RateLimit-Policy": '"fixed window";"api";q=1000;w=300'}
HUB_QUERY = "sort=createdAt&direction=-1&limit=1000&expand%5B%5D=createdAt"
NOW_FORMAT = "yyyy-MM-dd'T'HH:mm:ss'Z'"


def hub_ages(key, prof, span_days=1000):
    """Days before snapshot 2 at which the sample models of one tag were created, newest first: the creation rate
    changes with the profile's growth (bounded, so a retired framework's past stays finite)."""
    per_day = max(0.05, 1.2 * prof["scale"])
    ages, carry = [], between(key, "hub-carry", 0, 1)
    for age in range(span_days):
        factor = min(3.0, max(1 / 3, (1 + prof["growth"]) ** (-age / 90)))
        carry += per_day * factor
        while carry >= 1:
            ages.append(age)
            carry -= 1
    return ages


def huggingface(replay, frameworks):
    gap = (SNAPSHOTS[1] - SNAPSHOTS[0]).days
    for f in frameworks:
        prof = PROFILES.get(f["id"], DEFAULT_PROFILE)
        for tag in f.get("huggingface", []):
            ages2 = hub_ages(f"{f['id']}/{tag}", prof)
            total = len(ages2)
            # model n (0 the oldest) keeps its id and creation day from snapshot 1 to snapshot 2
            models2 = [(total - 1 - i, age) for i, age in enumerate(ages2)]
            models1 = [(n, age - gap) for n, age in models2 if age >= gap]
            for s, models in enumerate((models1, models2)):
                hub_pages(replay, tag, s, models)
    hub_top(replay, frameworks)


def hub_pages(replay, tag, s, models):
    pages = [models[i:i + HUB_PAGE] for i in range(0, len(models), HUB_PAGE)] or [[]]
    for i, page in enumerate(pages):
        # each model's creation time is "now" minus its age (and an hour, so it is never after the run's start): the
        # windows the collector counts back from the day of the run always hold the sample's recent models
        body = "[" + ",".join(
            f'{{"id":"sample-{tag}/model-{n:05d}",'
            f'"createdAt":"{{{{now offset=\'-{age * 24 + 1} hours\' timezone=\'UTC\' format="{NOW_FORMAT}"}}}}"}}'
            for n, age in page) + "]"
        headers = dict(HUB_HEADERS)
        if i + 1 < len(pages):
            # relative, as the collector resolves it against the page it came with: any replay port works
            headers["Link"] = (f'</api/models?filter={tag}&{HUB_QUERY}&cursor=sample-{tag}-s{s + 1}-{i + 2}>; '
                               'rel="next"')
        request = {"method": "GET", "urlPath": "/api/models",
                   "queryParameters": {"filter": {"equalTo": tag}, "sort": {"equalTo": "createdAt"},
                                       "cursor": {"absent": True} if i == 0
                                       else {"equalTo": f"sample-{tag}-s{s + 1}-{i + 1}"}}}
        name = replay.body(f"s{s + 1}/huggingface/{tag}-{i + 1}.json", body)
        if i == 0:
            replay.serve("huggingface", f"hub-{tag}", s, request, body_file=name, headers=headers,
                         transformers=["response-template"])
        else:  # later pages carry their snapshot in the cursor: no scenario, they answer whenever asked
            replay.mappings.setdefault("huggingface", []).append(
                {"request": request, "response": {"status": 200, "headers": headers, "bodyFileName": name,
                                                  "transformers": ["response-template"]}})


def hub_top(replay, frameworks):
    """The Hub's most downloaded models: each of one framework's tags, some also of a second framework's."""
    tagged = [(f["id"], f["huggingface"]) for f in frameworks if f.get("huggingface")]
    weights = [PROFILES.get(fid, DEFAULT_PROFILE)["scale"] for fid, _ in tagged]
    for s in range(len(SNAPSHOTS)):
        models = []
        for n in range(HUB_TOP):
            key = f"top/{n}"
            pick = unit(key, f"framework-{s}") * sum(weights)
            k = 0
            while pick > weights[k] and k < len(weights) - 1:
                pick -= weights[k]
                k += 1
            fid, tags = tagged[k]
            model_tags = [tags[0], "safetensors"]
            if unit(key, "shared") < 0.15:  # also carries another framework's tag
                other = tagged[(k + 1 + int(unit(key, "other") * (len(tagged) - 1))) % len(tagged)]
                model_tags.insert(1, other[1][0])
            downloads = int(5_000_000 * (HUB_TOP - n) / HUB_TOP * (1 + 0.02 * s)) + 1000
            models.append({"_id": hashlib.sha256(key.encode()).hexdigest()[:24], "id": f"sample-top/model-{n:04d}",
                           "downloads": downloads, "likes": int(downloads / 2000), "library_name": tags[0],
                           "tags": model_tags})
        replay.serve("huggingface", "hub-top", s, {
            "method": "GET", "urlPath": "/api/models",
            "queryParameters": {"sort": {"equalTo": "downloads"}, "cursor": {"absent": True}}},
            body_file=replay.body(f"s{s + 1}/huggingface/top.json", models), headers=HUB_HEADERS)


# --- Stack Exchange: tag totals, question counts per date range (API 2.3) -------------------------------------------
SE_FILTER = "!sampleTotalFilter"
SE_WRAPPER = '"has_more":false,"quota_max":10000,"quota_remaining":9876'


def stackexchange(replay, frameworks):
    tags = [(f, t) for f in frameworks for t in f.get("stackoverflow", [])]
    if not tags:
        return
    headers = {"Content-Type": "application/json; charset=utf-8"}
    replay.mappings.setdefault("stackexchange", []).append({
        "request": {"method": "GET", "urlPath": "/2.3/filter/create"},
        "response": {"status": 200, "headers": headers, "bodyFileName": replay.body(
            "stackexchange/filter.json", '{"items":[{"filter":"' + SE_FILTER + '","filter_type":"safe",'
            '"included_fields":["wrapper.total","wrapper.quota_max","wrapper.quota_remaining","wrapper.backoff"]}],'
            + SE_WRAPPER + "}")}})
    for s, as_of in enumerate(SNAPSHOTS):
        days = (as_of - SNAPSHOTS[0]).days
        items = [{"name": t, "count": level(between(f"so/{t}", "total", 4000, 90000)
                                             * PROFILES.get(f["id"], DEFAULT_PROFILE)["scale"] + 200,
                                             PROFILES.get(f["id"], DEFAULT_PROFILE)["growth"], days),
                  "has_synonyms": False, "is_moderator_only": False, "is_required": False}
                 for f, t in tags]
        replay.serve("stackexchange", "tags-info", s, {"method": "GET", "urlPathPattern": "/2\\.3/tags/[^/]+/info"},
                     body_file=replay.body(f"s{s + 1}/stackexchange/tags-info.json",
                                           {"items": items, "has_more": False, "quota_max": 10000,
                                            "quota_remaining": 9876}), headers=headers)
    # question counts: the days of [fromdate, todate] at the framework's rate, fewer or more the older the range
    days = "(math (math (math request.query.todate '+' 1) '-' request.query.fromdate) '/' 86400)"
    age = "(math (math nowsec '-' request.query.todate) '/' 86400)"
    for f, t in tags:
        prof = PROFILES.get(f["id"], DEFAULT_PROFILE)
        per_day = max(1, int(round(between(f"so/{t}", "per-day", 8, 120) * prof["scale"])))
        for path, rate in (("/2.3/questions", per_day), ("/2.3/questions/no-answers", max(1, per_day * 35 // 100))):
            body = ("{{#assign 'nowsec'}}{{now format='unix'}}{{/assign}}"
                    '{"total":' + trend_count(days, age, rate, prof["growth"]) + "," + SE_WRAPPER + "}")
            replay.mappings.setdefault("stackexchange", []).append({
                "request": {"method": "GET", "urlPath": path, "queryParameters": {"tagged": {"equalTo": t}}},
                "response": {"status": 200, "headers": headers, "transformers": ["response-template"],
                             "bodyFileName": replay.body(f"stackexchange/{path.rsplit('/', 1)[-1]}-{t}.json", body)}})


# --- OpenAlex: works matching a framework's search, counted per publication date range -------------------------------
def research(replay, frameworks):
    days = "(math (math (math through '-' from) '/' 86400000) '+' 1)"
    age = "(math (math nowms '-' through) '/' 86400000)"
    dates = ("{{#assign 'from'}}{{date (parseDate (regexExtract request.query.filter "
             "'(?<=from_publication_date:)[0-9-]+') format='yyyy-MM-dd') format='epoch'}}{{/assign}}"
             "{{#assign 'through'}}{{date (parseDate (regexExtract request.query.filter "
             "'(?<=to_publication_date:)[0-9-]+') format='yyyy-MM-dd') format='epoch'}}{{/assign}}"
             "{{#assign 'nowms'}}{{now format='epoch'}}{{/assign}}")
    for f in frameworks:
        if not f.get("research"):
            continue
        prof = PROFILES.get(f["id"], DEFAULT_PROFILE)
        per_day = max(1, int(round(between(f"openalex/{f['id']}", "per-day", 10, 160) * prof["scale"])))
        body = (dates + '{"meta":{"count":' + trend_count(days, age, per_day, prof["growth"])
                + ',"db_response_time_ms":21,"page":1,"per_page":1,"groups_count":null},'
                  '"results":[{"id":"https://openalex.org/W0000000001"}],"group_by":[]}')
        replay.mappings.setdefault("research", []).append({
            "request": {"method": "GET", "urlPath": "/works",
                        "queryParameters": {"search": {"equalTo": f["research"]}}},
            "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                         "transformers": ["response-template"],
                         "bodyFileName": replay.body(f"research/works-{f['id']}.json", body)}})


# --- npm: registry documents and a year of daily downloads (bulk for unscoped names) --------------------------------
def npm(replay, projects):
    # each package once, under the first project that lists it (the collector asks each name once)
    packages, seen = [], set()
    for p in projects:
        for name in p.get("npm", []):
            if name not in seen:
                seen.add(name)
                packages.append((p, name))
    unscoped = [name for _, name in packages if not name.startswith("@")]
    for s, as_of in enumerate(SNAPSHOTS):
        histories = {}
        for p, name in packages:
            npm_registry(replay, p, name, s, as_of)
            histories[name] = npm_downloads(p, name, s, as_of)
            if name.startswith("@") or len(unscoped) == 1:
                replay.serve("npm", f"downloads-{name}", s, {
                    "method": "GET", "urlPath": f"/downloads/range/last-year/{name}"},
                    body_file=replay.body(f"s{s + 1}/npm/downloads-{name.replace('/', '_')}.json", histories[name]),
                    headers={"Content-Type": "application/json"})
        if len(unscoped) > 1:
            # one bulk query for the unscoped names, in catalog order as the collector asks them
            replay.serve("npm", "downloads-bulk", s, {
                "method": "GET", "urlPath": "/downloads/range/last-year/" + ",".join(unscoped)},
                body_file=replay.body(f"s{s + 1}/npm/downloads-bulk.json", {n: histories[n] for n in unscoped}),
                headers={"Content-Type": "application/json"})


def npm_registry(replay, p, name, s, as_of):
    prof, key = profile(p), f"{p['id']}/npm/{name}"
    # a release keeps its date from one snapshot to the next, as on the registry
    dates = sorted(d for d in release_dates(key, prof, SNAPSHOTS[0], 12) if d <= as_of)
    versions = [version(i) for i in range(len(dates))]
    document = {"_id": name, "name": name, "description": f"{name} (sample data)",
                "dist-tags": {"latest": versions[-1]},
                "versions": {v: {"name": name, "version": v, "license": "Apache-2.0"} for v in versions},
                "time": {"created": iso(stamp(dates[0])), "modified": iso(stamp(dates[-1], 12)),
                         **{v: iso(stamp(d)) for v, d in zip(versions, dates)}},
                "license": "Apache-2.0"}
    replay.serve("npm", f"registry-{name}", s, {"method": "GET", "urlPath": "/" + name.replace("/", "%2F")},
                 body_file=replay.body(f"s{s + 1}/npm/registry-{name.replace('/', '_')}.json", document),
                 headers={"Content-Type": "application/json", "ETag": f'"registry-{key}-{s + 1}"'})


def npm_downloads(p, name, s, as_of):
    """npm's last-year range: 365 days up to the snapshot's last day, each 90 days (1 + growth) times the 90 before."""
    prof, key, g = profile(p), f"{p['id']}/npm/{name}", profile(p)["growth"]
    days = (as_of - SNAPSHOTS[0]).days
    today = between(key, "downloads", 2000, 400000) * prof["scale"] + 20
    last = as_of - dt.timedelta(days=1)
    daily = []
    for back in range(364, -1, -1):
        day = last - dt.timedelta(days=back)
        weekday = 0.7 if day.weekday() >= 5 else 1.0
        daily.append({"day": day.isoformat(), "downloads": int(today * (1 + g) ** ((days - back) / 90) * weekday)})
    return {"start": daily[0]["day"], "end": daily[-1]["day"], "package": name, "downloads": daily}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    projects = read_catalog(args.catalog)
    frameworks = read_catalog(args.catalog, "frameworks")
    if not projects:
        raise SystemExit(f"no projects found in {args.catalog}")
    if args.out.exists():
        shutil.rmtree(args.out)
    replay = Replay(args.out)
    github(replay, projects)
    pypi(replay, projects)
    maven(replay, projects)
    npm(replay, projects)
    huggingface(replay, frameworks)
    stackexchange(replay, frameworks)
    research(replay, frameworks)
    replay.write()
    (args.out / "SAMPLE-DATA.txt").write_text(
        "SAMPLE DATA: every number in these replay files is invented by deploy/local/offline/generate.py,\n"
        "derived from the project and framework ids; none is a measurement of GitHub, PyPI, pypistats, Maven Central,\n"
        "deps.dev, npm, the Hugging Face Hub, Stack Exchange or OpenAlex.\n",
        encoding="utf-8")
    print(f"{len(projects)} projects, {len(frameworks)} frameworks -> {args.out}")


if __name__ == "__main__":
    main()
