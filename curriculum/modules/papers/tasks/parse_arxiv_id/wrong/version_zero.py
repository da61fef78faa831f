# accepts any digits after v, so the version v0 (versions start at v1) is not rejected
import re

_ID = re.compile(r"^(?:arxiv:)?(\d{2})(\d{2})\.(\d{4,5})(?:v(\d+))?$", re.IGNORECASE)


def parse_arxiv_id(s):
    m = _ID.match(s.strip())
    if not m:
        raise ValueError("not an arXiv id: %r" % (s,))
    yy, mm, number, version = m.groups()
    yymm = int(yy + mm)
    if not 1 <= int(mm) <= 12 or yymm < 704:
        raise ValueError("bad date")
    if len(number) != (4 if yymm <= 1412 else 5):
        raise ValueError("wrong number of digits")
    return (2000 + int(yy), int(mm), int(number), int(version) if version is not None else None)
