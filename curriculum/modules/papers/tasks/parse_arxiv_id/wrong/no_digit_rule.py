# accepts 4 or 5 digits for any month, ignoring the 4-digits-up-to-1412 / 5-digits-from-1501 rule
import re

_ID = re.compile(r"^(?:arxiv:)?(\d{2})(\d{2})\.(\d{4,5})(?:v([1-9]\d*))?$", re.IGNORECASE)


def parse_arxiv_id(s):
    m = _ID.match(s.strip())
    if not m:
        raise ValueError("not an arXiv id: %r" % (s,))
    yy, mm, number, version = m.groups()
    if not 1 <= int(mm) <= 12 or int(yy + mm) < 704:
        raise ValueError("bad date")
    return (2000 + int(yy), int(mm), int(number), int(version) if version else None)
