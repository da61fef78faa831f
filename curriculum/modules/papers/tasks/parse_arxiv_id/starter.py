def parse_arxiv_id(s):
    """Parse a new-style arXiv identifier into (year, month, number, version).

    Accepts 'YYMM.NNNN' or 'YYMM.NNNNN', optionally prefixed by 'arXiv:' and
    optionally followed by a version 'vV'. Returns integers
    (2000 + YY, MM, NNNNN, V) with V = None when no version is given.
    Rules (from arXiv's documentation): the scheme starts at 0704 (April 2007);
    up to 1412 the number has 4 digits, from 1501 on it has 5 digits.
    Whitespace around the id is allowed. Raise ValueError for anything else.

    解析新格式的 arXiv 编号，返回 (年, 月, 序号, 版本)。
    接受 'YYMM.NNNN' 或 'YYMM.NNNNN'，前面可以带 'arXiv:'，后面可以带版本号 'vV'。
    返回整数 (2000 + YY, MM, NNNNN, V)；没有版本号时 V 为 None。
    规则（来自 arXiv 官方文档）：新格式从 0704（2007 年 4 月）开始；到 1412 为止序号是 4 位，
    从 1501 起是 5 位。编号首尾的空白可以忽略；其他情况一律抛出 ValueError。
    """
    # your code here / 在这里写你的代码
    raise NotImplementedError
