#!/usr/bin/env python
"""Search over an archive of 200 programs: index build time, p50/p99 of 20 searches, SQL queries per search.

The search part of the reports benchmark (bench/reports.py holds the report and
statistics parts). It makes its own scratch database: SQLite in a temporary
folder, or PostgreSQL when DATABASE_URL is set, so run

    .venv/bin/python bench/search.py                          # SQLite
    bin/with-postgres .venv/bin/python bench/search.py        # PostgreSQL
    .venv/bin/python bench/search.py --both                   # one, then the other

The archive: 200 public programs over ten years, each with 12 sessions, 6 key
takeaways and 4 people, texts in English with Chinese and Russian translations
(generated, about 200 words a program). Each of the 20 searches runs
``--repeat`` times (after one warm-up) through the search service and once
through GET /api/search and the page; prints one JSON line per figure.
"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingcenter.settings.local")

PROGRAMS, SESSIONS, TAKEAWAYS, PEOPLE = 200, 12, 6, 4

EN = ["lithium-ion batteries", "electric buses", "industrial decarbonization", "low-carbon development",
      "new energy vehicles", "solar power", "wind farms", "hydrogen", "carbon markets", "energy storage",
      "smart grids", "recycling", "charging stations", "green finance", "climate policy", "heat pumps"]
ZH = ["锂电池", "电动公交车", "工业脱碳", "低碳发展", "新能源汽车", "太阳能发电", "风电场", "氢能", "碳市场", "储能",
      "智能电网", "回收利用", "充电站", "绿色金融", "气候政策", "热泵"]
RU = ["литий-ионные аккумуляторы", "электробусы", "декарбонизация промышленности", "низкоуглеродное развитие",
      "электромобили", "солнечная энергия", "ветропарки", "водород", "углеродные рынки", "накопители энергии",
      "умные сети", "переработка", "зарядные станции", "зелёные финансы", "климатическая политика",
      "тепловые насосы"]
FILLER = {
    "en": "for cities and industry in Central Asia with case studies from China and practical lessons".split(),  # noqa: SIM905
    "zh": list("在中亚城市和工业中的应用以及来自中国的案例研究与实践经验"),
    "ru": "для городов и промышленности Центральной Азии с примерами из Китая и уроками".split(),  # noqa: SIM905
}
QUERIES = [
    ("锂电池", "zh-hans"), ("电池", "zh-hans"), ("电动公交车", "zh-hans"), ("新能源汽车 充电站", "zh-hans"),
    ("氢能", "zh-hans"), ("低碳", "zh-hans"), ('"electric buses"', "en"), ("lithium", "en"),
    ("decarbonization industry", "en"), ("hydrogen storage", "en"), ("EV", "en"), ("carbon markets", "en"),
    ("Almaty", "en"), ("nothing-like-this", "en"), ("декарбонизация", "ru"), ("электробусы", "ru"),
    ("водород", "ru"), ("зарядные станции", "ru"), ("ГЭС", "ru"), ("batteries", "zh-hans"),
]


def text(rng, language, topics, words=20):
    vocabulary = {"en": EN, "zh": ZH, "ru": RU}[language]
    parts = [vocabulary[topic] for topic in topics]
    parts += [rng.choice(FILLER[language]) for _ in range(words)]
    rng.shuffle(parts)
    return ("" if language == "zh" else " ").join(parts)


def build_archive(seed=7):
    """200 programs with their parts, written in bulk with the index paused; returns the rebuild's seconds."""
    import datetime as dt

    from django.utils import timezone

    from trainingcenter.programs.models import Person, Program, ProgramRole, Session, Takeaway, Theme
    from trainingcenter.search import services

    rng = random.Random(seed)
    with services.paused():
        themes = [Theme.objects.create(slug=f"theme-{n}", name=EN[n].capitalize(), name_zh_hans=ZH[n],
                                       name_ru=RU[n]) for n in range(8)]
        first = timezone.now().replace(microsecond=0) - dt.timedelta(days=3650)
        programs = []
        for n in range(PROGRAMS):
            topics = rng.sample(range(len(EN)), 3)
            starts = first + dt.timedelta(days=18 * n)
            programs.append(Program(
                slug=f"bench-{n}", number=n + 1, title=f"{EN[topics[0]].capitalize()} and {EN[topics[1]]}",
                title_zh_hans=f"{ZH[topics[0]]}与{ZH[topics[1]]}", title_ru=f"{RU[topics[0]]} и {RU[topics[1]]}",
                summary=text(rng, "en", topics), summary_zh_hans=text(rng, "zh", topics),
                summary_ru=text(rng, "ru", topics), background=text(rng, "en", topics, 60),
                starts=starts, ends=starts + dt.timedelta(days=3), status=Program.Status.COMPLETED,
            ))
        programs = Program.objects.bulk_create(programs)
        Program.themes.through.objects.bulk_create([
            Program.themes.through(program=program, theme=themes[n % 8]) for n, program in enumerate(programs)
        ])
        sessions, takeaways, people, roles = [], [], [], []
        for n, program in enumerate(programs):
            for s in range(SESSIONS):
                topics = rng.sample(range(len(EN)), 2)
                starts = program.starts + dt.timedelta(hours=s)
                sessions.append(Session(
                    program=program, title=EN[topics[0]].capitalize() + " in Almaty" * (s == 0),
                    title_zh_hans=ZH[topics[0]], title_ru=RU[topics[0]], abstract=text(rng, "en", topics),
                    abstract_zh_hans=text(rng, "zh", topics), abstract_ru=text(rng, "ru", topics),
                    starts=starts, ends=starts + dt.timedelta(minutes=50),
                ))
            for t in range(TAKEAWAYS):
                topics = rng.sample(range(len(EN)), 2)
                takeaways.append(Takeaway(
                    program=program, heading=EN[topics[0]].capitalize(), heading_zh_hans=ZH[topics[0]],
                    heading_ru=RU[topics[0]], text=text(rng, "en", topics), text_zh_hans=text(rng, "zh", topics),
                    text_ru=text(rng, "ru", topics), order=t,
                ))
            for p in range(PEOPLE):
                topics = rng.sample(range(len(EN)), 1)
                people.append(Person(
                    slug=f"bench-person-{n}-{p}", given_name=f"Given{n}", family_name=f"Family{p}",
                    display_name_zh_hans=f"专家{n}号{p}", bionote=text(rng, "en", topics, 30),
                    bionote_zh_hans=text(rng, "zh", topics, 30), bionote_ru=text(rng, "ru", topics, 30),
                    country=rng.choice(["KZ", "PK", "UZ", "CN", "TR", "IR"]),
                ))
        Session.objects.bulk_create(sessions)
        Takeaway.objects.bulk_create(takeaways)
        people = Person.objects.bulk_create(people)
        for n, program in enumerate(programs):
            for p in range(PEOPLE):
                roles.append(ProgramRole(program=program, person=people[n * PEOPLE + p],
                                         role=ProgramRole.Role.SPEAKER))
        ProgramRole.objects.bulk_create(roles)
    started = time.perf_counter()
    counts = services.rebuild()
    return time.perf_counter() - started, counts


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def run(repeat):
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from trainingcenter.center.models import CountryGroup
    from trainingcenter.search.models import SearchEntry
    from trainingcenter.search.queries import search, search_with_filters

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # Pages without collectstatic: plain static addresses.
    settings.STORAGES = {
        **settings.STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    call_command("migrate", verbosity=0)
    CountryGroup.objects.get_or_create(slug="eco", defaults={"name": "ECO", "countries": ["KZ", "PK", "UZ"]})
    seconds, counts = build_archive()
    database = connection.vendor
    print(json.dumps({"database": database, "programs": PROGRAMS, "index_rows": SearchEntry.objects.count(),
                      "rows_per_kind": counts, "rebuild_ms": round(seconds * 1000)}), flush=True)
    client = Client()
    timings = []
    for query, language in QUERIES:
        search(query, language)  # warm-up
        runs = []
        for _ in range(repeat):
            started = time.perf_counter()
            search(query, language)
            runs.append((time.perf_counter() - started) * 1000)
        timings += runs
        with CaptureQueriesContext(connection) as plain_queries:
            search(query, language)
        with CaptureQueriesContext(connection) as service_queries:
            search_with_filters(query, language, theme="theme-1", country_group="eco")
        with CaptureQueriesContext(connection) as api_queries:
            answer = client.get("/api/search", {"q": query, "lang": language})
        started = time.perf_counter()
        with CaptureQueriesContext(connection) as page_queries:
            page = client.get(f"/{language}/search/", {"q": query})
        page_ms = (time.perf_counter() - started) * 1000
        print(json.dumps({
            "database": database, "query": query, "lang": language, "results": search(query, language).count,
            "p50_ms": round(statistics.median(runs), 2), "max_ms": round(max(runs), 2),
            "queries_search": len(plain_queries), "queries_filtered": len(service_queries),
            "queries_api": len(api_queries),
            "queries_page": len(page_queries), "api_status": answer.status_code, "page_status": page.status_code,
            "page_ms": round(page_ms, 1),
        }, ensure_ascii=False), flush=True)
    print(json.dumps({
        "database": database, "searches": len(timings), "p50_ms": round(percentile(timings, 0.5), 2),
        "p99_ms": round(percentile(timings, 0.99), 2), "max_ms": round(max(timings), 2),
    }), flush=True)


def main():
    args = sys.argv[1:]
    repeat = 25
    if "--repeat" in args:
        repeat = int(args[args.index("--repeat") + 1])
    if "--both" in args:
        here = [sys.executable, __file__, "--repeat", str(repeat)]
        env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
        subprocess.run(here, check=True, env=env)
        subprocess.run([str(ROOT / "bin/with-postgres"), *here], check=True, env=env, cwd=ROOT)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-search-") as scratch:
        os.environ["TRAININGCENTER_VAR_DIR"] = scratch
        os.environ.setdefault("REGISTRATION_RATE_LIMIT", "0")
        run(repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
