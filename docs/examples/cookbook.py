"""Three questions of docs/sql-cookbook.md answered from Python (pip install duckdb).

    python3 docs/examples/cookbook.py [DB]

DB is the working database (default var/thidua.duckdb): the script opens the version its
publisher named in <DB without .duckdb>.published/CURRENT, read-only, so it can run while the
pipeline and the server work; a path to a published .duckdb version file is opened as it is.
"""
import sys
from pathlib import Path

import duckdb

QUESTIONS = {
    "Which campaigns does each province write about most, relative to its own output?": """
SELECT p.name_vi AS province, c.campaign_id, c.articles, round(c.share_of_output, 3) AS share
FROM v_campaign_coverage c
JOIN provinces p ON p.system = c.system AND p.code = c.province_code
WHERE c.system = '2025'
ORDER BY c.share_of_output DESC, province;
""",
    "Monthly emulation coverage per province as a share of its own output": """
SELECT province_code, month, articles, all_articles, round(share_of_output, 2) AS share
FROM v_monthly_trends
WHERE system = '2008'
ORDER BY province_code, month;
""",
    "Province counts compared across the two unit systems": """
SELECT l.new_code, any_value(l.new_name_vi) AS province_2025,
  count(DISTINCT u8.article_id) AS articles_2025_unit,
  list(DISTINCT u8.province_code ORDER BY u8.province_code) AS old_units_seen
FROM v_article_units u8
JOIN province_lineage l ON l.old_code = u8.province_code
WHERE u8.system = '2008'
GROUP BY l.new_code
ORDER BY articles_2025_unit DESC;
""",
}


def published_file(db: Path) -> Path:
    """The version CURRENT names beside a working database, or the file itself."""
    pointer = db.with_suffix(".published") / "CURRENT"
    if pointer.exists() and pointer.read_text().strip():
        return pointer.parent / pointer.read_text().strip()
    return db


def main() -> int:
    db = Path(sys.argv[1] if len(sys.argv) > 1 else "var/thidua.duckdb")
    target = published_file(db)
    if not target.exists():
        print(f"no database at {target} (run `pnpm thidua run` first)", file=sys.stderr)
        return 1
    con = duckdb.connect(str(target), read_only=True)
    try:
        for question, sql in QUESTIONS.items():
            rows = con.execute(sql).fetchall()
            print(f"## {question} ({len(rows)} rows)")
            for row in rows[:5]:
                print("  ", row)
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
