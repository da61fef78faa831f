from dlpath_harness import assert_true, tr


def _bad(m, s):
    try:
        got = m.parse_arxiv_id(s)
    except ValueError:
        return
    assert_true(False, tr("parse_arxiv_id(%r) should raise ValueError, returned %r",
                          "parse_arxiv_id(%r) 应当抛出 ValueError，却返回了 %r") % (s, got))


def _eq(m, s, expected):
    got = m.parse_arxiv_id(s)
    assert_true(got is not None, tr("parse_arxiv_id(%r) returned None: did you forget to return?",
                                     "parse_arxiv_id(%r) 返回了 None：是不是忘了 return？") % s)
    assert_true(tuple(got) == expected, tr("parse_arxiv_id(%r) = %r, expected %r",
                                                "parse_arxiv_id(%r) = %r，应为 %r") % (s, got, expected))


def test_reference_value(m):
    """2310.03744 is October 2023, number 3744, no version
    zh: 2310.03744 是 2023 年 10 月的第 3744 号，没有版本号"""
    _eq(m, "2310.03744", (2023, 10, 3744, None))


def test_prefix_and_version(m):
    """an 'arXiv:' prefix and a 'vN' suffix are understood
    zh: 能识别 'arXiv:' 前缀和 'vN' 版本后缀"""
    _eq(m, "arXiv:1501.00001v1", (2015, 1, 1, 1))
    _eq(m, "0706.0001v2", (2007, 6, 1, 2))
    _eq(m, "arXiv:1406.2199", (2014, 6, 2199, None))


def test_surrounding_spaces(m):
    """spaces (and a tab or newline) around the id are allowed
    zh: 编号首尾的空格（以及制表符、换行）可以忽略"""
    _eq(m, " 2310.03744 ", (2023, 10, 3744, None))
    _eq(m, "\tarXiv:1501.00001v1\n", (2015, 1, 1, 1))


def test_papers_of_this_path(m):
    """ids of papers in this curriculum give their months (Word2Vec: January 2013)
    zh: 本课程里几篇论文的编号能解析出发表月份（Word2Vec：2013 年 1 月）"""
    _eq(m, "1301.3781", (2013, 1, 3781, None))
    _eq(m, "1512.03385", (2015, 12, 3385, None))
    _eq(m, "1705.07750", (2017, 5, 7750, None))
    _eq(m, "2304.07193", (2023, 4, 7193, None))


def test_digit_rule(m):
    """4-digit numbers up to 1412, 5-digit numbers from 1501
    zh: 年月不晚于 1412 的编号，序号是 4 位数；从 1501 起是 5 位数"""
    _eq(m, "1412.7878", (2014, 12, 7878, None))
    _bad(m, "1412.07878")
    _bad(m, "1501.0001")


def test_invalid_dates(m):
    """month 13 and months before April 2007 are rejected
    zh: 月份为 13 的编号，以及早于 2007 年 4 月的编号，都应被拒绝"""
    _bad(m, "2313.00001")
    _bad(m, "2300.00001")
    _bad(m, "0703.0001")


def test_first_month(m):
    """the scheme's first month, April 2007 (0704), is accepted
    zh: 这套编号的第一个月 2007 年 4 月（0704）是合法的"""
    _eq(m, "0704.0001", (2007, 4, 1, None))


def test_not_an_id(m):
    """old-style ids, junk, text around the id, version v0 and empty strings raise ValueError
    zh: 旧格式的编号、格式不对的字符串、编号前后多出的文字、版本号 v0 和空字符串都抛出 ValueError"""
    for s in ("hep-th/9901001", "", "2310.3744a", "v2", "2310-03744", "2310.03744v0",
              "see 2310.03744", "x2310.03744", "2310.03744 v2"):
        _bad(m, s)
