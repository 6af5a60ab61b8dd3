"""Generate a large, valid, bilingual deck for benchmarks (deterministic)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

TYPES = ("basic", "mcq", "typed", "cloze")


def card_yaml(index: int, rng: random.Random) -> str:
    kind = TYPES[index % 4]
    words = " ".join(
        rng.choice(["attention", "softmax", "gradient", "embedding", "归一化", "注意力", "损失"])
        for _ in range(14)
    )
    head = f"  - id: card-{index}\n    type: {kind}\n"
    if kind == "cloze":
        return (
            head
            + f'    text: {{en: "Card {index}: {words} {{{{gap{index}}}}} end.", zh: "卡片 {index}：{words} {{{{gap{index}}}}}。"}}\n    tags: [bench, t{index % 50}]\n'
        )
    body = head + f'    q: {{en: "Question {index}: {words}?", zh: "问题 {index}：{words}？"}}\n'
    if kind == "basic":
        body += (
            "    a:\n      en: |\n"
            + "".join(f"        Line {j} of the answer to {index}: {words}\n" for j in range(1))
            + "        ```python\n        def f(x):\n            return x * 2\n        ```\n"
            + f"      zh: |\n        答案 {index}：{words}\n"
        )
    elif kind == "mcq":
        body += "    choices:\n" + "".join(
            f'      - {{en: "Choice {j} {words[:30]}", zh: "选项 {j}"}}\n' for j in range(4)
        )
        body += f"    answer: {index % 4}\n"
    else:
        body += f'    answer: ["{index}", "answer {index}"]\n'
    return body + "    tags: [bench]\n    difficulty: 2\n"


def write_deck(path: Path, cards: int, seed: int = 0) -> Path:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            f"id: bench-{cards}\ntitle: {{en: Benchmark {cards}, zh: 基准 {cards}}}\ntopic: bench\ncards:\n"
        )
        for index in range(cards):
            out.write(card_yaml(index, rng))
    return path


if __name__ == "__main__":
    print(write_deck(Path(sys.argv[1]), int(sys.argv[2])))
