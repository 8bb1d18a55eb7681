"""QR decoding benchmark: every candidate decoder alone, and the pipeline, on the synthetic webcam corpus.

    PYTHONPATH=. nice python bench/qr.py [--per-kind 100] [--sizes 640x480,1280x720]
                                         [--stall-seconds 3] [--json]

Per kind of frame and per resolution: success rate (the right text; a wrong text counts as a misread, any
text on a no-code frame as a false positive) and mean / p95 milliseconds per frame, for each decoder alone
and for the pipeline in its production order and 33 ms budget. Then which pipeline stage made each read
(why the order is what it is), the check "pipeline >= best single decoder" per kind, and the longest GUI
event-loop stall while the camera runs into a preview widget (real QApplication, offscreen, budget 16 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter, defaultdict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from hardware import qr_corpus as qc  # noqa: E402
from hardware.camera.decoders import DecoderUnavailable, make_decoder  # noqa: E402
from hardware.camera.pipeline import DEFAULT_STAGES, FRAME_BUDGET_S, DecodePipeline, to_gray  # noqa: E402

SINGLE = ("pyzbar", "zxing", "opencv", "opencv-aruco")
VARIANTS = tuple(s.lstrip("?") for s in DEFAULT_STAGES if s.lstrip("?") not in SINGLE)
DECODE_BUDGET_MS = FRAME_BUDGET_S * 1000
STALL_BUDGET_MS = 16.0


def p95(xs: list[float]) -> float:
    return statistics.quantiles(xs, n=20)[-1] if len(xs) >= 2 else (xs[0] if xs else 0.0)


def bench_size(size: tuple[int, int], per_kind: int, seed: int, log) -> dict:
    decoders, unavailable = {}, {}
    for spec in SINGLE + VARIANTS:
        if "+up" in spec and size[0] * size[1] > 640 * 480:
            unavailable[spec] = f"a no-op at {size[0]}x{size[1]} (upscales 640x480 and smaller only)"
            continue
        try:
            decoders[spec] = make_decoder(spec)
        except DecoderUnavailable as exc:
            unavailable[spec] = str(exc)
    pipeline = DecodePipeline.from_specs(DEFAULT_STAGES)
    names = [*decoders, "pipeline"]
    ok = {n: Counter() for n in names}
    bad = {n: Counter() for n in names}
    ms = {n: defaultdict(list) for n in names}
    stage_reads: dict[str, Counter] = defaultdict(Counter)
    for kind in qc.KINDS:
        t_kind = time.perf_counter()
        for i in range(per_kind):
            s = qc.render(kind, i, seed=seed, size=size)
            gray = to_gray(s.image)
            for name, dec in decoders.items():
                t0 = time.perf_counter()
                texts = [d.text for d in dec.decode(gray)]
                ms[name][kind].append((time.perf_counter() - t0) * 1000)
                ok[name][kind] += (s.text in texts) if s.text else not texts
                bad[name][kind] += any(t != s.text for t in texts)
            t0 = time.perf_counter()
            found = pipeline.decode(s.image)  # BGR in, like the camera thread
            ms["pipeline"][kind].append((time.perf_counter() - t0) * 1000)
            texts = [d.text for d in found]
            ok["pipeline"][kind] += (s.text in texts) if s.text else not texts
            bad["pipeline"][kind] += any(t != s.text for t in texts)
            if s.text in texts:
                stage_reads[kind][found[0].decoder] += 1
        log(f"  {size[0]}x{size[1]} {kind:<12} done in {time.perf_counter() - t_kind:5.1f} s")
    out = {"decoders": {}, "unavailable": unavailable, "pipeline_stages": pipeline.names}
    for name in names:
        out["decoders"][name] = {
            kind: {
                "rate": ok[name][kind] / per_kind,
                "ms_mean": statistics.fmean(ms[name][kind]),
                "ms_p95": p95(ms[name][kind]),
                "ms_max": max(ms[name][kind]),
                "wrong": bad[name][kind],
            }
            for kind in qc.KINDS
        }
    out["stage_reads"] = {k: dict(v) for k, v in stage_reads.items()}
    out["skipped_stages"] = pipeline.stats.skipped_stages
    return out


def gui_stall(seconds: float, size: tuple[int, int]) -> dict:
    """Run the synthetic camera into a visible preview; measure the longest gap between 1 ms timer ticks."""
    from hardware.camera import SyntheticSource
    from ui.camera_preview import CameraPreview
    from ui.qt import QApplication, QElapsedTimer, QEventLoop, Qt, QTimer

    app = QApplication.instance() or QApplication([])
    token = qc.payload(__import__("numpy").random.default_rng(1))
    preview = CameraPreview()
    preview.resize(640, 480)
    preview.show()
    found = []
    preview.found.connect(found.append)
    clock = QElapsedTimer()
    gaps: list[float] = []
    last = [0.0]

    def tick():
        now = clock.nsecsElapsed() / 1e6
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(tick)
    preview.start(
        SyntheticSource([token], kinds=qc.KINDS[:-1], size=size, fps=30, frames_per_text=20, gap_frames=10)
    )
    clock.start()
    timer.start(1)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    timer.stop()
    worker = preview.worker
    preview.stop()
    stats = worker.stats
    preview.close()
    app.processEvents()
    gaps = gaps[5:]  # start-up
    return {
        "max_stall_ms": max(gaps) if gaps else 0.0,
        "p99_gap_ms": statistics.quantiles(gaps, n=100)[-1] if len(gaps) > 2 else 0.0,
        "frames_captured": stats.captured,
        "frames_decoded": stats.decoded,
        "frames_dropped_by_decoder": stats.dropped,
        "frames_shown": preview.frames_shown,
        "codes_reported": len(found),
        "decode_ms_max": stats.decode_ms_max,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-kind", type=int, default=100, help="frames per kind and size (default 100)")
    ap.add_argument("--sizes", default="640x480,1280x720")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--stall-seconds", type=float, default=3.0)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.sizes.split(",")]

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    result = {
        "per_kind": args.per_kind,
        "seed": args.seed,
        "budgets": {"decode_ms": DECODE_BUDGET_MS, "gui_stall_ms": STALL_BUDGET_MS},
        "sizes": {},
    }
    for size in sizes:
        result["sizes"][f"{size[0]}x{size[1]}"] = bench_size(size, args.per_kind, args.seed, log)
    result["gui"] = {f"{w}x{h}": gui_stall(args.stall_seconds, (w, h)) for w, h in sizes}
    # verdicts
    verdicts = {}
    for sz, r in result["sizes"].items():
        d = r["decoders"]
        singles = [n for n in SINGLE if n in d]
        v = {}
        for kind in qc.KINDS:
            best = max(d[n][kind]["rate"] for n in singles)
            v[kind] = {
                "best_single": best,
                "best_single_by": [n for n in singles if d[n][kind]["rate"] == best],
                "pipeline": d["pipeline"][kind]["rate"],
                "ok": d["pipeline"][kind]["rate"] >= best,
            }
        allms = [d["pipeline"][k]["ms_p95"] for k in qc.KINDS]
        v["pipeline_p95_ms_worst_kind"] = max(allms)
        v["within_decode_budget"] = max(allms) <= DECODE_BUDGET_MS
        v["false_positives"] = d["pipeline"]["nocode"]["wrong"]
        v["misreads"] = sum(d["pipeline"][k]["wrong"] for k in qc.KINDS if k != "nocode")
        verdicts[sz] = v
    result["verdicts"] = verdicts
    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print_report(result)
    return 0


def print_report(r: dict) -> None:
    print(f"QR decode benchmark: {r['per_kind']} frames per kind, seed {r['seed']}")
    for sz, res in r["sizes"].items():
        d = res["decoders"]
        names = list(d)
        print(
            f"\n== {sz}: success rate / mean ms per frame "
            f"(budget {r['budgets']['decode_ms']:.0f} ms per frame)"
        )
        print(f"{'kind':<12}" + "".join(f"{n:>17}" for n in names))
        for kind in qc.KINDS:
            cells = []
            for n in names:
                c = d[n][kind]
                mark = "!" if c["wrong"] else " "
                cells.append(f"{c['rate'] * 100:5.1f}%{mark}{c['ms_mean']:6.1f}ms")
            print(f"{kind:<12}" + "".join(f"{x:>17}" for x in cells))
        avg = {n: statistics.fmean(d[n][k]["rate"] for k in qc.KINDS) for n in names}
        print(f"{'mean':<12}" + "".join(f"{avg[n] * 100:>16.1f}%" for n in names))
        if res["unavailable"]:
            print("unavailable: " + "; ".join(f"{k}: {v}" for k, v in res["unavailable"].items()))
        print("('!' = at least one wrong text or false positive)")
        print(
            f"pipeline order: {' -> '.join(res['pipeline_stages'])}; "
            f"stages skipped for budget: {res['skipped_stages']}"
        )
        print(
            "reads by pipeline stage: "
            + "; ".join(
                f"{k}: " + ", ".join(f"{s} {n}" for s, n in v.items()) for k, v in res["stage_reads"].items()
            )
        )
        v = r["verdicts"][sz]
        print(f"{'kind':<12}{'best single':>22}{'pipeline':>10}  goal: pipeline >= best single")
        for kind in qc.KINDS:
            x = v[kind]
            by = "/".join(x["best_single_by"])
            print(
                f"{kind:<12}{x['best_single'] * 100:>8.1f}% {by[:12]:>12}{x['pipeline'] * 100:>9.1f}%  "
                f"{'OK' if x['ok'] else 'BELOW'}"
            )
        print(
            f"pipeline p95 ms (worst kind): {v['pipeline_p95_ms_worst_kind']:.1f} ms  budget "
            f"{r['budgets']['decode_ms']:.0f} ms  {'OK' if v['within_decode_budget'] else 'OVER'}"
        )
        print(f"pipeline false positives on no-code frames: {v['false_positives']}  budget 0")
        print(f"pipeline misreads: {v['misreads']}  budget 0")
    for sz, g in r["gui"].items():
        print(
            f"\nGUI while the camera runs ({sz}, synthetic source, preview shown): longest event-loop stall "
            f"{g['max_stall_ms']:.1f} ms  budget {r['budgets']['gui_stall_ms']:.0f} ms  "
            f"{'OK' if g['max_stall_ms'] <= r['budgets']['gui_stall_ms'] else 'OVER'}; p99 gap "
            f"{g['p99_gap_ms']:.1f} ms; frames captured {g['frames_captured']}, shown {g['frames_shown']}, "
            f"decoded {g['frames_decoded']}, dropped by decoder {g['frames_dropped_by_decoder']}; "
            f"codes reported {g['codes_reported']}; slowest decode {g['decode_ms_max']:.1f} ms"
        )


if __name__ == "__main__":
    sys.exit(main())
