"""Score extracted letters against gold annotations: the same figures as ../shared/eval/score.py.

The rules are the shared scorer's, kept here so that ``congvan evaluate`` works where ../shared is
absent; ``tests/test_evaluate.py`` checks that both give the same report on the same predictions.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

# Abbreviations common in Vietnamese administrative names, expanded before names are compared.
ABBREVIATIONS = {
    "ubnd": "uy ban nhan dan", "hdnd": "hoi dong nhan dan", "mttq": "mat tran to quoc",
    "cchc": "cai cach hanh chinh", "tthc": "thu tuc hanh chinh", "vp": "van phong",
    "ct": "chu tich", "pct": "pho chu tich", "tn&mt": "tai nguyen va moi truong",
    "tnmt": "tai nguyen va moi truong", "gd&dt": "giao duc va dao tao", "gddt": "giao duc va dao tao",
    "kh&dt": "ke hoach va dau tu", "khdt": "ke hoach va dau tu", "kh&cn": "khoa hoc va cong nghe",
    "khcn": "khoa hoc va cong nghe", "tt&tt": "thong tin va truyen thong", "tttt": "thong tin va truyen thong",
    "nn&ptnt": "nong nghiep va phat trien nong thon", "nnptnt": "nong nghiep va phat trien nong thon",
    "ldtbxh": "lao dong thuong binh va xa hoi", "ld-tb&xh": "lao dong thuong binh va xa hoi",
    "gtvt": "giao thong van tai", "vhttdl": "van hoa the thao va du lich", "vh,tt&dl": "van hoa the thao va du lich",
    "tp": "thanh pho", "tx": "thi xa", "tt": "thi tran", "bch": "ban chap hanh", "bql": "ban quan ly",
    "ca": "cong an", "cp": "chinh phu", "ttg": "thu tuong", "btc": "bo tai chinh",
}


def fold(text: str | None) -> str:
    """Lower-case, strip Vietnamese diacritics (đ -> d), keep letters, digits, & and spaces."""
    if not text:
        return ""
    text = unicodedata.normalize("NFD", str(text)).replace("đ", "d").replace("Đ", "D")
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()
    return re.sub(r"[^0-9a-z&]+", " ", text).strip()


def name_tokens(text: str | None) -> list[str]:
    raw = unicodedata.normalize("NFD", str(text or "")).replace("đ", "d").replace("Đ", "D")
    raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Mn").lower()
    out: list[str] = []
    for tok in re.split(r"[\s,.;:()\"'/]+", raw):
        tok = tok.strip("-")
        if not tok:
            continue
        key = tok.replace("-", "")
        if tok in ABBREVIATIONS:
            out.extend(ABBREVIATIONS[tok].split())
        elif key in ABBREVIATIONS:
            out.extend(ABBREVIATIONS[key].split())
        else:
            out.extend(t for t in re.split(r"[^0-9a-z]+", tok.replace("&", " va ")) if t)
    return out


def name_match(gold: str | None, pred: str | None) -> bool:
    """Two names match when their expanded tokens agree (F1 >= 0.8), or one is the other made
    more specific (same head word, all of the shorter one's tokens present, at least two of them)."""
    g, p = name_tokens(gold), name_tokens(pred)
    if not g or not p:
        return not g and not p
    common = sum(min(g.count(t), p.count(t)) for t in set(g))
    f1 = 2 * common / (len(g) + len(p))
    if f1 >= 0.8:
        return True
    short, long_ = (g, p) if len(g) <= len(p) else (p, g)
    if len(short) >= 2 and short[0] == long_[0] and common == len(short):
        return True
    # "tỉnh X" names the same body as "Ủy ban nhân dân tỉnh X" or its Chủ tịch
    head = long_[: len(long_) - len(short)]
    return long_[len(head):] == short and " ".join(head) in GOVERNING_PREFIXES and short[0] in LOCALITIES


GOVERNING_PREFIXES = {"uy ban nhan dan", "chu tich uy ban nhan dan", "chu tich"}
LOCALITIES = {"tinh", "thanh", "huyen", "quan", "thi", "xa", "phuong", "dac"}


def text_of(value) -> str | None:
    """A name given as a string or as an object with a name/text field."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, dict):
        for key in ("name", "text", "value", "normalized"):
            if isinstance(value.get(key), str):
                return value[key]
    return str(value)


def date_of(value) -> str | None:
    if isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        for key in ("date", "due", "value", "iso"):
            if isinstance(value.get(key), str):
                return value[key]
    return None


def norm_number(value) -> str:
    s = fold(text_of(value) if not isinstance(value, int) else str(value)).replace(" ", "")
    return s.lstrip("0") or s


def norm_symbol(value) -> str:
    return fold(text_of(value)).replace(" ", "").replace("&", "")


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    def f1(self) -> float | None:
        if self.tp + self.fp + self.fn == 0:
            return None
        return 2 * self.tp / (2 * self.tp + self.fp + self.fn)

    def as_dict(self) -> dict:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": p, "recall": r, "f1": self.f1()}


def match_sets(gold: list, pred: list, same) -> tuple[int, int, int, list[tuple]]:
    """Greedy one-to-one matching; returns tp, fp, fn and the matched pairs."""
    left = list(range(len(pred)))
    pairs = []
    for g in gold:
        for i in left:
            if same(g, pred[i]):
                pairs.append((g, pred[i]))
                left.remove(i)
                break
    tp = len(pairs)
    return tp, len(pred) - tp, len(gold) - tp, pairs


HEADER_FIELDS = ["type", "number_symbol", "issuer", "place", "date", "subject", "signer_name", "signer_title", "urgency"]


def header_value(doc: dict, field: str):
    signer = doc.get("signer") or {}
    if isinstance(signer, str):
        signer = {"name": signer}
    elif not isinstance(signer, dict):
        signer = {}
    if field == "number_symbol":
        if not doc.get("number") and not doc.get("symbol"):
            return None
        return (norm_number(doc.get("number")), str(doc.get("year") or ""), norm_symbol(doc.get("symbol")))
    if field == "signer_name":
        return fold(text_of(signer.get("name"))) or None
    if field == "signer_title":
        return fold(text_of(signer.get("title"))) or None
    if field == "date":
        return date_of(doc.get("date"))
    if field in ("type", "place", "urgency"):
        return fold(text_of(doc.get(field))) or None
    return text_of(doc.get(field))


def header_equal(field: str, gold, pred) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if field in ("issuer", "subject"):
        return name_match(gold, pred)
    return gold == pred


def ref_key(ref: dict):
    number = norm_number(ref.get("number")) if ref.get("number") else ""
    return number, norm_symbol(ref.get("symbol"))


def ref_same(g: dict, p: dict) -> bool:
    gk, pk = ref_key(g), ref_key(p)
    if gk[0] or gk[1]:
        return gk == pk and (not g.get("year") or not p.get("year") or str(g["year"]) == str(p["year"]))
    return name_match(g.get("title"), p.get("title") or p.get("text"))


def task_text(task: dict) -> str:
    text = text_of(task.get("text") or task.get("starts") or task.get("title") or "") or ""
    return re.sub(r"^\s*(?:[0-9]+(?:\.[0-9]+)*|[a-zđ]|[ivxlc]+)[.)]\s*|^\s*[-–+•]\s*", "", text, flags=re.I)


def task_same(g: dict, p: dict) -> bool:
    """A predicted task is the gold one when their openings agree, allowing either side to carry a
    heading that the other leaves out ("Giao Sở X" before "Khẩn trương …"): the gold's first words
    (up to 8) appear, 75% of them in order, right where they begin in the prediction's first 13
    words; or the prediction's first 6 words appear, 80% in order, 2 to 10 words into the gold's."""
    start = fold(task_text(g)).split()[:8]
    pred = fold(task_text(p)).split()
    if not start or not pred:
        return False
    for k, word in enumerate(pred[:13]):
        if word == start[0] and common_in_order(start, pred[k : k + len(start) + 2]) >= 0.75 * len(start):
            return True
    words = fold(task_text(g)).split()[:16]
    opening = pred[:6]
    if len(opening) < 4:
        return False
    for k, word in enumerate(words[2:11], 2):
        if word == opening[0] and common_in_order(opening, words[k : k + len(opening) + 1]) >= 0.8 * len(opening):
            return True
    return False


def common_in_order(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of two short word lists."""
    row = [0] * (len(b) + 1)
    for x in a:
        prev = 0
        for j, y in enumerate(b, 1):
            cur = row[j]
            row[j] = prev + 1 if x == y else max(row[j], row[j - 1])
            prev = cur
    return row[-1]


def listify(value) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def sanitize(pred) -> dict:
    """Keep only well-formed parts of a prediction, so that malformed output scores as missing."""
    if not isinstance(pred, dict):
        return {}
    doc = pred.get("document")
    out = {"document": doc if isinstance(doc, dict) else {}}
    for key in ("references", "tasks"):
        out[key] = [x for x in listify(pred.get(key)) if isinstance(x, dict)]
    out["deadlines"] = [x for x in listify(pred.get("deadlines")) if isinstance(x, (dict, str))]
    for task in out["tasks"]:
        task["assignees"] = [a for a in listify(task.get("assignees")) if isinstance(a, (str, dict))]
    if not isinstance(out["document"].get("recipients"), (list, type(None))):
        out["document"] = dict(out["document"], recipients=[out["document"]["recipients"]])
    return out


def score_doc(gold: dict, pred: dict, t: dict) -> None:
    pred = sanitize(pred)
    gdoc, pdoc = gold.get("document") or {}, pred.get("document") or {}
    for field in HEADER_FIELDS:
        g, p = header_value(gdoc, field), header_value(pdoc, field)
        if field not in gdoc and field not in ("number_symbol", "signer_name", "signer_title"):
            continue
        t["header:" + field].add(tp=1) if header_equal(field, g, p) else t["header:" + field].add(fn=1)
    tp, fp, fn, _ = match_sets(listify(gdoc.get("recipients")), [text_of(x) for x in listify(pdoc.get("recipients"))], name_match)
    t["recipients"].add(tp, fp, fn)

    tp, fp, fn, pairs = match_sets(listify(gold.get("references")), listify(pred.get("references")), ref_same)
    t["references"].add(tp, fp, fn)
    for g, p in pairs:
        gd, pd = date_of(g.get("date")), date_of(p.get("date"))
        if gd or pd:
            t["reference_dates"].add(tp=1) if gd == pd else t["reference_dates"].add(fp=int(bool(pd)), fn=int(bool(gd)))
        if g.get("issuer"):
            t["reference_issuers"].add(tp=1) if name_match(g["issuer"], text_of(p.get("issuer"))) else t["reference_issuers"].add(fn=1)

    gtasks, ptasks = listify(gold.get("tasks")), listify(pred.get("tasks"))
    tp, fp, fn, pairs = match_sets(gtasks, ptasks, task_same)
    t["tasks"].add(tp, fp, fn)
    matched_g = {id(g) for g, _ in pairs}
    matched_p = {id(p) for _, p in pairs}
    for g, p in pairs:
        a = match_sets(listify(g.get("assignees")), [text_of(x) for x in listify(p.get("assignees"))], name_match)
        t["task_assignees"].add(*a[:3])
        gd, pd = date_of(g.get("deadline")), date_of(p.get("deadline"))
        if gd == pd and gd:
            t["task_deadlines"].add(tp=1)
        else:
            t["task_deadlines"].add(fp=int(bool(pd)), fn=int(bool(gd)))
    for g in gtasks:
        if id(g) not in matched_g:
            t["task_assignees"].add(fn=len(listify(g.get("assignees"))))
            t["task_deadlines"].add(fn=int(bool(date_of(g.get("deadline")))))
    for p in ptasks:
        if id(p) not in matched_p:
            t["task_assignees"].add(fp=len(listify(p.get("assignees"))))
            t["task_deadlines"].add(fp=int(bool(date_of(p.get("deadline")))))

    gdates = sorted({date_of(d) for d in listify(gold.get("deadlines")) if date_of(d)})
    pdates = sorted({date_of(d) for d in listify(pred.get("deadlines")) if date_of(d)})
    tp, fp, fn, _ = match_sets(gdates, pdates, lambda a, b: a == b)
    t["deadlines"].add(tp, fp, fn)


GROUPS = ["header", "recipients", "references", "reference_dates", "tasks", "task_assignees", "task_deadlines", "deadlines"]


def score(gold_dir: Path, pred_dir: Path) -> tuple[dict, dict]:
    tallies: dict[str, Tally] = defaultdict(Tally)
    per_doc = {}
    for gold_path in sorted(gold_dir.glob("*.gold.json")):
        name = gold_path.name[: -len(".gold.json")]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pred_path = pred_dir / f"{name}.json"
        try:
            pred = json.loads(pred_path.read_text(encoding="utf-8")) if pred_path.exists() else {}
        except (json.JSONDecodeError, UnicodeDecodeError):
            pred = {}
        if not isinstance(pred, dict):
            pred = {}
        doc_t: dict[str, Tally] = defaultdict(Tally)
        score_doc(gold, pred, doc_t)
        for k, v in doc_t.items():
            tallies[k].add(v.tp, v.fp, v.fn)
        per_doc[name] = {k: v.f1() for k, v in sorted(doc_t.items())}
    report = {k: tallies[k].as_dict() for k in sorted(tallies)}
    header = Tally()
    for k, v in tallies.items():
        if k.startswith("header:"):
            header.add(v.tp, v.fp, v.fn)
    groups = {"header": header.f1()}
    for g in GROUPS[1:]:
        groups[g] = tallies[g].f1() if g in tallies else None
    present = [v for v in groups.values() if v is not None]
    report["_groups"] = groups
    report["_overall"] = sum(present) / len(present) if present else 0.0
    report["_documents"] = len(per_doc)
    return report, per_doc


def format_report(report: dict, per_doc: dict, *, per_doc_lines: bool = False, as_json: bool = False) -> str:
    """The report as score.py prints it (``--per-doc`` and ``--json`` alike)."""
    if as_json:
        out = dict(report)
        if per_doc_lines:
            out["_per_doc"] = per_doc
        return json.dumps(out, ensure_ascii=False, indent=2)
    lines = []
    if per_doc_lines:
        for name, figs in per_doc.items():
            low = {k: round(v, 2) for k, v in figs.items() if v is not None and v < 1}
            lines.append(f"{name}: {low or 'all fields right'}")
    for k, v in report.items():
        if not k.startswith("_"):
            f1 = "-" if v["f1"] is None else f"{v['f1']:.3f}"
            lines.append(f"{k:28s} f1={f1}  tp={v['tp']} fp={v['fp']} fn={v['fn']}")
    for g, v in report["_groups"].items():
        lines.append(f"group {g:22s} {'-' if v is None else f'{v:.3f}'}")
    lines.append(f"documents={report['_documents']} overall={report['_overall']:.3f}")
    return "\n".join(lines)
