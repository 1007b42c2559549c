#!/usr/bin/env python3
"""Sums bench/journey.lua's per-learner files into one table: one row per step of the journey.

usage: journey-report.py <out dir> <seconds the run took>
Each vu-<i>.txt line: <step> <ms> <ok 1|0> <sql statements|-> <sql connections|-> <status>.
"""
import glob
import sys

ORDER = ["login-page", "login", "home", "catalog", "course", "module", "quiz", "start", "quiz-page",
         "answer-save", "page-next", "page-finish", "finish", "submit", "result", "certificate", "logout"]


def percentile(values, p):
    if not values:
        return 0.0
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))
    return values[k]


def main():
    folder, seconds = sys.argv[1], float(sys.argv[2])
    steps = {}
    for name in glob.glob(folder + "/vu-*.txt"):
        with open(name, encoding="utf-8") as f:
            for line in f:
                parts = line.split()
                if len(parts) != 6:
                    continue
                step, ms, ok, sql, conns, status = parts
                s = steps.setdefault(step, {"ms": [], "errors": 0, "sql": [], "conns": [], "first": ""})
                s["ms"].append(float(ms))
                if ok != "1":
                    s["errors"] += 1
                    s["first"] = s["first"] or "HTTP " + status
                if sql != "-":
                    s["sql"].append(int(sql))
                    s["conns"].append(int(conns))
    total = sum(len(s["ms"]) for s in steps.values())
    errors = sum(s["errors"] for s in steps.values())
    print(f"{'step':<12} {'requests':>8} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8} {'SQL/req':>7} {'conn/req':>8} {'errors':>6}  first error")
    for step in sorted(steps, key=lambda k: ORDER.index(k) if k in ORDER else 99):
        s = steps[step]
        ms = s["ms"]
        sql = f"{sum(s['sql']) / len(s['sql']):.1f}" if s["sql"] else "-"
        conns = f"{sum(s['conns']) / len(s['conns']):.1f}" if s["conns"] else "-"
        print(f"{step:<12} {len(ms):>8} {len(ms) / seconds:>7.1f} {percentile(ms, 50):>8.1f} {percentile(ms, 95):>8.1f} "
              f"{percentile(ms, 99):>8.1f} {max(ms):>8.1f} {sql:>7} {conns:>8} {s['errors']:>6}  {s['first'] or '-'}")
    print(f"{'all':<12} {total:>8} {total / seconds:>7.1f}{'':>62} {errors:>6}")
    print(f"JOURNEY requests={total} errors={errors} steps={','.join(sorted(steps))}")


if __name__ == "__main__":
    main()
