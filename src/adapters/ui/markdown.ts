/**
 * Renders the Markdown subset lessons and briefs use (headings, paragraphs, lists, emphasis, code,
 * fenced code blocks, block quotes, links) for a terminal. Without colour it stays plain readable text.
 */
import type { Theme } from './theme.js';

function inline(s: string, t: Theme): string {
  const parts: string[] = [];
  // Code spans first, so that * and _ inside them stay literal.
  const re = /`([^`]+)`/g;
  let last = 0;
  for (let mt = re.exec(s); mt; mt = re.exec(s)) {
    parts.push(rest(s.slice(last, mt.index), t));
    parts.push(t.colored ? t.code(mt[1]) : `\`${mt[1]}\``);
    last = mt.index + mt[0].length;
  }
  parts.push(rest(s.slice(last), t));
  return parts.join('');
}

function rest(s: string, t: Theme): string {
  return s
    // Chinese typography: “…” rather than ASCII quotes around Chinese words, and no space after
    // full-width punctuation.
    .replace(/"([^"\n]*[\u3400-\u9fff][^"\n]*)"/g, '“$1”')
    .replace(/([，。；：！？、])[ \t]+(?=\S)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (_m, text: string, url: string) => `${text} (${t.link(url)})`)
    // Emphasis markers must not touch a letter, digit or bracket of code before them: A**2 or x**y**z
    // stay as written. After the closing ** a letter may follow, as CommonMark allows: **A**tomicity.
    .replace(/(^|[^A-Za-z0-9_)\]}*])\*\*(\S(?:[^*]*\S)?)\*\*(?=$|[^0-9_(\[{*])/g,
      (_m, pre: string, x: string) => `${pre}${t.em(x)}`)
    .replace(/(^|[^A-Za-z0-9_)\]}])__(\S(?:[^_]*\S)?)__(?=$|[^A-Za-z0-9_(\[{])/g,
      (_m, pre: string, x: string) => `${pre}${t.em(x)}`)
    .replace(/(^|[^*\w])\*([^*\s][^*]*?)\*(?!\w)/g, (_m, pre: string, x: string) => `${pre}${t.italic(x)}`);
}

const NOT_PLAIN = /[^\x20-\x7e]/;
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Columns a string takes in a terminal: colour codes take none, Chinese characters two. */
export function displayWidth(s: string): number {
  // Printable ASCII (most titles and lines): a column a character, without the per-character scan.
  if (!NOT_PLAIN.test(s)) return s.length;
  let n = 0;
  for (const ch of s.replace(/\u001b\[[0-9;]*m|\u001b\]8;[^\u0007\u001b]*(?:\u0007|\u001b\\)/g, '')) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Cuts a string to a number of terminal columns, ending in … when cut. */
export function fitColumns(s: string, cols: number): string {
  if (displayWidth(s) <= cols) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > cols - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Pads to a number of terminal columns (String.padEnd counts characters, not columns). */
export function padDisplay(s: string, columns: number): string {
  return s + ' '.repeat(Math.max(0, columns - displayWidth(s)));
}

export function wrap(text: string, width: number, indent = ''): string[] {
  if (width <= 20) return [indent + text];
  // One line that fits, with single spaces only between words: it is its own wrapping (the common case of a title).
  if (SIMPLE.test(text) && displayWidth(indent + text) <= width) return [indent + text];
  const out: string[] = [];
  let line = '';
  const len = displayWidth;
  // CJK text has no spaces: allow breaks between CJK characters as well as at spaces.
  // Chinese closing punctuation never starts a line: no break is allowed before it. After a Chinese comma,
  // enumeration comma, semicolon, colon, full stop or closing parenthesis a line may break before Latin
  // text too (a list of command names joined by 、 is otherwise one unbreakable word).
  // A `code span` (a command to copy, say) is never broken: its spaces do not count as breaks.
  // A short formula stays on one line: no break at the spaces around = + − × · ≤ ≥ ≈ between short terms
  // (‖x‖² = ‖Px‖² + ‖x − Px‖², not "‖x −" at a line's end and "Px‖²" below).
  const tokens = text.replace(/`[^`\n]*`/g, (s) => s.replace(/ /g, KEEP))
    .replace(/(?<=(?:^|\s)[^\s`]{1,8}) ([=+−×·≤≥≈]) (?=[^\s`]{1,8}(?:\s|$))/g, `${KEEP}$1${KEEP}`).split(/(\s+|(?<=[\u3000-\u9fff\uff00-\uffef])(?=[\u3000-\u9fff\uff00-\uffef])(?![，。、；：？！）」』”’》〉\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff01])|(?<=[、，；：。）])(?=[A-Za-z0-9]))/).filter((x) => x !== undefined && x !== '');
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) { if (line) line += ' '; continue; }
    if (len(indent + line + tok) > width && line.trim()) {
      out.push(indent + line.trimEnd());
      line = tok;
    } else line += tok;
  }
  if (line.trim()) out.push(indent + line.trimEnd());
  return out.length ? out.map((l) => l.replace(KEEP_ALL, ' ')) : [indent];
}

/** Text whose wrapping on one line changes nothing: no leading, trailing, doubled or other white space. */
const SIMPLE = /^[^\s\ue000]+(?: [^\s\ue000]+)*$/;

/** A space inside a code span while wrapping (a private-use character, one column wide). */
const KEEP = '\ue000';
const KEEP_ALL = /\ue000/g;

/** The width text is wrapped to: the terminal's, within 40–100 columns (80 when not a terminal). */
export function textWidth(out: { columns?: number }): number {
  return Math.min(100, Math.max(40, (out.columns ?? 80) - 2));
}

export function renderMarkdown(md: string, t: Theme, width = 80): string {
  // A byte-order mark would hide the first heading's "#".
  const lines = md.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let para: string[] = [];
  /** The text column of the list item last shown, while indented lines may still belong to it. */
  let listIndent: string | undefined;
  let paraIndent = '';
  const flush = () => {
    if (para.length) out.push(...wrap(inline(joinLines(para), t), width, paraIndent), '');
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const fence = /^\s*(```|~~~)(.*)$/.exec(line);
    if (fence) {
      flush();
      const body: string[] = [];
      // A fence indented under a list item: its lines lose that indentation (and the item goes on after it).
      const lead = /^\s*/.exec(line)![0].length;
      if (lead < 2) listIndent = undefined;
      for (i++; i < lines.length && !lines[i].trim().startsWith(fence[1]); i++) body.push(lines[i].replace(new RegExp(`^ {0,${lead}}`), ''));
      for (const b of body) out.push(...wrapCode(b, width - 4).map((x) => `    ${t.code(x)}`));
      out.push('');
      continue;
    }
    const h = /^(#{1,6})\s+(.*)$/.exec(line);
    if (h) {
      flush();
      listIndent = undefined;
      const text = inline(h[2].replace(/\s+#+\s*$/, ''), t);
      out.push(h[1].length === 1 ? t.heading(text) : t.heading(text));
      if (h[1].length === 1) out.push(t.dim('═'.repeat(Math.min(width, displayWidth(text)))));
      else if (h[1].length === 2) out.push(t.dim('─'.repeat(Math.min(width, displayWidth(text)))));
      out.push('');
      continue;
    }
    const li = /^(\s*)([-*+]|\d+[.)])\s+(.*)$/.exec(line);
    if (li) {
      flush();
      const depth = Math.floor(li[1].length / 2);
      const bullet = /\d/.test(li[2]) ? li[2] : '•';
      let text = li[3];
      while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*([-*+]|\d+[.)])\s+/.test(lines[i + 1])) {
        text += ` ${lines[++i].trim()}`;
      }
      const pad = '  '.repeat(depth + 1);
      listIndent = pad + ' '.repeat(bullet.length + 1);
      const wrapped = wrap(inline(text, t), width, listIndent);
      wrapped[0] = pad + bullet + ' ' + wrapped[0].trimStart();
      out.push(...wrapped);
      if (!(i + 1 < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i + 1]))) out.push('');
      continue;
    }
    const q = /^>\s?(.*)$/.exec(line);
    if (q) {
      flush();
      listIndent = undefined;
      // The quote's lines are its paragraphs' source lines (joined, then wrapped); a bare > parts paragraphs.
      const quoted = [q[1]];
      while (i + 1 < lines.length && /^>/.test(lines[i + 1])) quoted.push(lines[++i].replace(/^>\s?/, ''));
      const paras = quoted.join('\n').split(/\n\s*\n/).map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean)).filter((p) => p.length);
      paras.forEach((p, k) => {
        if (k) out.push(t.dim('│'));
        out.push(...wrap(inline(joinLines(p), t), width - 2).map((x) => `${t.dim('│')} ${x}`));
      });
      out.push('');
      continue;
    }
    if (/^\s*(---|\*\*\*|___)\s*$/.test(line)) { flush(); out.push(t.dim('─'.repeat(Math.min(width, 40))), ''); continue; }
    if (!line.trim()) { flush(); continue; }
    // An indented paragraph after a list item goes on with the item: under its text, not at the margin.
    if (para.length === 0) paraIndent = listIndent !== undefined && /^\s{2,}\S/.test(line) ? listIndent : '';
    if (!/^\s/.test(line) && para.length === 0) listIndent = undefined;
    para.push(line.trim());
  }
  flush();
  while (out.length && out[out.length - 1] === '') out.pop();
  return `${out.join('\n')}\n`;
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Joins the source lines of a paragraph: a space between words, none between Chinese characters. */
export function joinLines(lines: string[]): string {
  return lines.reduce((acc, line) => {
    if (!acc) return line;
    return CJK.test(acc[acc.length - 1]) && CJK.test(line[0]) ? acc + line : `${acc} ${line}`;
  }, '');
}


/**
 * A code line wider than the room breaks at its last space that fits (spacing inside it kept as
 * written), the rest indented two more columns than the line; only a run with no space at all is cut.
 */
export function wrapCode(line: string, room: number): string[] {
  if (room < 20 || displayWidth(line) <= room) return [line];
  const lead = ' '.repeat((/^\s*/.exec(line)?.[0].length ?? 0) + 2);
  const out: string[] = [];
  let rest = line;
  let first = true;
  while (displayWidth(rest) > room) {
    const prefix = first ? '' : lead;
    let cut = 0;
    let w = displayWidth(prefix);
    let lastSpace = -1;
    for (const ch of rest) {
      const cw = displayWidth(ch);
      if (w + cw > room) break;
      if (ch === ' ' && rest.slice(0, cut).trim()) lastSpace = cut;
      w += cw;
      cut += ch.length;
    }
    const at = lastSpace > 0 ? lastSpace : cut;
    out.push(prefix + rest.slice(0, at).trimEnd());
    rest = rest.slice(at).replace(/^ +/, '');
    first = false;
    if (!rest) break;
  }
  if (rest) out.push((first ? '' : lead) + rest);
  return out;
}
