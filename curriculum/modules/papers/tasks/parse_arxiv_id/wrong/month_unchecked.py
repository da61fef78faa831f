# checks only that YYMM is at least 0704, never that the month lies in 01-12
import re

_ID = re.compile(r"^(?:arxiv:)?(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$", re.IGNORECASE)


def parse_arxiv_id(s):
    m = _ID.match(s.strip())
    if not m:
        raise ValueError("not an arXiv id: %r" % (s,))
    yy, mm, number, version = m.groups()
    yymm = int(yy + mm)
    if yymm < 704:
        raise ValueError("before April 2007")
    if len(number) != (4 if yymm <= 1412 else 5):
        raise ValueError("wrong number of digits")
    return (2000 + int(yy), int(mm), int(number), int(version) if version else None)
