/**
 * `dlpath completion bash|zsh|fish`: a completion script. Commands and options are written into the
 * script when it is made; module and task ids come, on each Tab, from `dlpath __complete`, which
 * reads the compiled course's outline (no YAML, no Python; the course in use, as --curriculum,
 * --home and the saved settings say), so they follow the course.
 */
import type { Context, InStream, OutStream } from './context.js';
import { makeContext } from './context.js';
import { UsageError } from '../core/errors.js';
import { m } from '../i18n/cli.js';

export interface OptionSpec { long: string; value: boolean }
export interface CommandSpec { name: string; description: string; options: OptionSpec[]; subcommands?: CommandSpec[] }
export interface CompletionSpec { commands: CommandSpec[]; globals: OptionSpec[] }

/** What each command's argument is, for completion. */
const ARG_KIND: Record<string, 'modules' | 'tasks' | 'config' | 'shell' | 'dir' | 'file'> = {
  learn: 'modules', quiz: 'modules', tasks: 'modules', reset: 'modules',
  task: 'tasks', check: 'tasks', hint: 'tasks', solution: 'tasks', watch: 'tasks',
  config: 'config', completion: 'shell', validate: 'dir', import: 'file',
};
/** Values an option takes, when there is a fixed list; else whether it names a folder or a file. */
const OPTION_VALUES: Record<string, string[] | 'dir' | 'file'> = {
  '--lang': ['en', 'zh'], '--format': ['json', 'csv', 'xapi'], '--curriculum': 'dir', '--home': 'dir',
  '--out': 'file', '--answers': 'file', '--html': 'file',
};
const CONFIG_ACTIONS = ['get', 'set', 'unset', 'list'];
const CONFIG_KEYS = ['lang', 'curriculum', 'editor'];
const SHELLS = ['bash', 'zsh', 'fish'];

export async function run(ctx: Context, args: unknown[], _opts: unknown, spec?: CompletionSpec): Promise<number> {
  const shell = String(args[0] ?? '').toLowerCase();
  if (!SHELLS.includes(shell)) throw new UsageError(m('badShell', { shell: String(args[0] ?? '') }), m('badShellHint'));
  const s = spec!;
  ctx.stdout.write(shell === 'bash' ? bash(s) : shell === 'zsh' ? zsh(s) : fish(s));
  return 0;
}

/**
 * `dlpath __complete modules|tasks [words...]`: the ids, one a line. The words are the command line
 * being completed, for its --curriculum and --home. Prints nothing on any problem (a Tab must never
 * print an error into the learner's command line).
 */
export async function complete(argv: string[], io: { env: NodeJS.ProcessEnv; cwd: string; stdin: InStream; stdout: OutStream; stderr: OutStream }): Promise<number> {
  const [kind, ...words] = argv;
  const value = (name: string) => {
    const i = words.findIndex((w) => w === name || w.startsWith(`${name}=`));
    if (i < 0) return undefined;
    return words[i].includes('=') ? words[i].slice(name.length + 1) : words[i + 1];
  };
  try {
    const ctx = makeContext({ curriculum: value('--curriculum'), home: value('--home') }, io);
    const { loadCurriculum } = await import('../adapters/curriculum/index.js');
    const ix = await loadCurriculum(ctx.curriculumDir, ctx.home);
    const ids = kind === 'tasks' ? ix.ordered.flatMap((mod) => mod.tasks.map((t) => t.id)) : ix.ordered.map((mod) => mod.id);
    io.stdout.write(ids.length ? `${ids.join('\n')}\n` : '');
  } catch {
    /* nothing to offer */
  }
  return 0;
}

const words = (xs: string[]) => xs.join(' ');
const longs = (o: OptionSpec[]) => o.map((x) => x.long);
const commandsOf = (kind: string, s: CompletionSpec) => s.commands.filter((c) => ARG_KIND[c.name] === kind).map((c) => c.name);
const valueOptions = (s: CompletionSpec) => [...new Set([...s.globals, ...s.commands.flatMap((c) => [...c.options, ...(c.subcommands ?? []).flatMap((sc) => sc.options)])]
  .filter((o) => o.value).map((o) => o.long))];
/** Commands that have subcommands (`class`). */
const withSubs = (s: CompletionSpec) => s.commands.filter((c) => c.subcommands?.length) as Array<CommandSpec & { subcommands: CommandSpec[] }>;
/** A description fit for a shell's single-quoted string. */
const sq = (x: string) => x.replace(/'/g, "'\\''");

function bash(s: CompletionSpec): string {
  const perCommand = [...s.commands.filter((c) => c.options.length && !c.subcommands?.length)
    .map((c) => `      ${c.name}) opts="${words(longs(c.options))}" ;;`),
  ...withSubs(s).map((c) => `      ${c.name}) case "$sub" in\n${c.subcommands.filter((sc) => sc.options.length)
    .map((sc) => `        ${sc.name}) opts="${words(longs(sc.options))}" ;;`).join('\n')}\n      esac ;;`)].join('\n');
  const subs = withSubs(s).map((c) => `    ${c.name}) ((n == 0)) && COMPREPLY=($(compgen -W "${words(c.subcommands.map((sc) => sc.name))}" -- "$cur")) ;;`).join('\n');
  const lists = Object.entries(OPTION_VALUES).filter(([, v]) => Array.isArray(v))
    .map(([o, v]) => `    ${o}) COMPREPLY=($(compgen -W "${words(v as string[])}" -- "$cur")); return ;;`).join('\n');
  const dirs = Object.entries(OPTION_VALUES).filter(([, v]) => v === 'dir').map(([o]) => o).join('|');
  const files = Object.entries(OPTION_VALUES).filter(([, v]) => v === 'file').map(([o]) => o).join('|');
  return `# dlpath completion for bash. Install:
#   mkdir -p ~/.local/share/bash-completion/completions
#   dlpath completion bash > ~/.local/share/bash-completion/completions/dlpath
# (or add  source <(dlpath completion bash)  to ~/.bashrc). Module and task ids come from the course in use.
_dlpath_ids() {
  command dlpath __complete "$1" "\${COMP_WORDS[@]:1:COMP_CWORD-1}" 2>/dev/null
}
_dlpath() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local commands="${words(s.commands.map((c) => c.name))}"
  local globals="${words(longs(s.globals))}"
  local cmd="" sub="" n=0 i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${words(valueOptions(s)).replace(/ /g, '|')}) ((i++)) ;;
      -*) ;;
      *) if [[ -z "$cmd" ]]; then cmd="\${COMP_WORDS[i]}"; else [[ -z "$sub" ]] && sub="\${COMP_WORDS[i]}"; ((n++)); fi ;;
    esac
  done
  case "$prev" in
${lists}
    ${dirs}) COMPREPLY=($(compgen -d -- "$cur")); return ;;
    ${files}) COMPREPLY=($(compgen -f -- "$cur")); return ;;
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "$globals" -- "$cur"))
    else COMPREPLY=($(compgen -W "$commands help" -- "$cur")); fi
    return
  fi
  if [[ "$cur" == -* ]]; then
    local opts=""
    case "$cmd" in
${perCommand}
    esac
    COMPREPLY=($(compgen -W "$opts $globals --help" -- "$cur"))
    return
  fi
  case "$cmd" in
    ${commandsOf('modules', s).join('|')}) COMPREPLY=($(compgen -W "$(_dlpath_ids modules)" -- "$cur")) ;;
    ${commandsOf('tasks', s).join('|')}) COMPREPLY=($(compgen -W "$(_dlpath_ids tasks)" -- "$cur")) ;;
    config)
      if ((n == 0)); then COMPREPLY=($(compgen -W "${words(CONFIG_ACTIONS)}" -- "$cur"))
      elif ((n == 1)); then COMPREPLY=($(compgen -W "${words(CONFIG_KEYS)}" -- "$cur"))
      elif [[ "$prev" == lang ]]; then COMPREPLY=($(compgen -W "en zh" -- "$cur"))
      elif [[ "$prev" == curriculum ]]; then COMPREPLY=($(compgen -d -- "$cur")); fi ;;
    completion) COMPREPLY=($(compgen -W "${words(SHELLS)}" -- "$cur")) ;;
${subs}
    help) COMPREPLY=($(compgen -W "$commands" -- "$cur")) ;;
    validate) COMPREPLY=($(compgen -d -- "$cur")) ;;
    import) COMPREPLY=($(compgen -f -- "$cur")) ;;
  esac
}
complete -F _dlpath dlpath
`;
}

function zsh(s: CompletionSpec): string {
  const described = s.commands.map((c) => `    '${c.name}:${sq(c.description).replace(/:/g, '\\:')}'`).join('\n');
  const perCommand = [...s.commands.filter((c) => c.options.length && !c.subcommands?.length)
    .map((c) => `      ${c.name}) opts=(${words(longs(c.options))}) ;;`),
  ...withSubs(s).map((c) => `      ${c.name}) case "$sub" in\n${c.subcommands.filter((sc) => sc.options.length)
    .map((sc) => `        ${sc.name}) opts=(${words(longs(sc.options))}) ;;`).join('\n')}\n      esac ;;`)].join('\n');
  const subs = withSubs(s).map((c) => `    ${c.name}) if ((n == 0)); then local -a subs; subs=(\n${c.subcommands
    .map((sc) => `      '${sc.name}:${sq(sc.description).replace(/:/g, '\\:')}'`).join('\n')}\n    ); _describe -t commands 'dlpath ${c.name} command' subs; fi ;;`).join('\n');
  const lists = Object.entries(OPTION_VALUES).filter(([, v]) => Array.isArray(v))
    .map(([o, v]) => `    ${o}) compadd -- ${words(v as string[])}; return ;;`).join('\n');
  const dirs = Object.entries(OPTION_VALUES).filter(([, v]) => v === 'dir').map(([o]) => o).join('|');
  const files = Object.entries(OPTION_VALUES).filter(([, v]) => v === 'file').map(([o]) => o).join('|');
  return `#compdef dlpath
# dlpath completion for zsh. Install: put it in a folder on your $fpath, e.g.
#   mkdir -p ~/.zfunc && dlpath completion zsh > ~/.zfunc/_dlpath
# with  fpath=(~/.zfunc $fpath); autoload -U compinit; compinit  in ~/.zshrc
# (or add  source <(dlpath completion zsh)  after compinit). Module and task ids come from the course in use.
_dlpath() {
  local -a commands globals opts ids
  commands=(
${described}
  )
  globals=(${words(longs(s.globals))})
  local cmd="" sub="" n=0 i
  for ((i = 2; i < CURRENT; i++)); do
    case "\${words[i]}" in
      ${words(valueOptions(s)).replace(/ /g, '|')}) ((i++)) ;;
      -*) ;;
      *) if [[ -z "$cmd" ]]; then cmd="\${words[i]}"; else [[ -z "$sub" ]] && sub="\${words[i]}"; ((n++)); fi ;;
    esac
  done
  case "\${words[CURRENT-1]}" in
${lists}
    ${dirs}) _files -/; return ;;
    ${files}) _files; return ;;
  esac
  if [[ -z "$cmd" ]]; then
    if [[ "$PREFIX" == -* ]]; then compadd -- $globals; else _describe -t commands 'dlpath command' commands; fi
    return
  fi
  if [[ "$PREFIX" == -* ]]; then
    opts=()
    case "$cmd" in
${perCommand}
    esac
    compadd -- $opts $globals --help
    return
  fi
  case "$cmd" in
    ${commandsOf('modules', s).join('|')}) ids=(\${(f)"$(command dlpath __complete modules \${words[2,CURRENT-1]} 2>/dev/null)"}); compadd -- $ids ;;
    ${commandsOf('tasks', s).join('|')}) ids=(\${(f)"$(command dlpath __complete tasks \${words[2,CURRENT-1]} 2>/dev/null)"}); compadd -- $ids ;;
    config)
      if ((n == 0)); then compadd -- ${words(CONFIG_ACTIONS)}
      elif ((n == 1)); then compadd -- ${words(CONFIG_KEYS)}
      elif [[ "\${words[CURRENT-1]}" == lang ]]; then compadd -- en zh
      elif [[ "\${words[CURRENT-1]}" == curriculum ]]; then _files -/; fi ;;
    completion) compadd -- ${words(SHELLS)} ;;
${subs}
    help) _describe -t commands 'dlpath command' commands ;;
    validate) _files -/ ;;
    import) _files ;;
  esac
}
if [[ "\${funcstack[1]}" == _dlpath ]]; then
  _dlpath "$@"
else
  compdef _dlpath dlpath
fi
`;
}

function fish(s: CompletionSpec): string {
  const lines: string[] = [
    '# dlpath completion for fish. Install:',
    '#   dlpath completion fish > ~/.config/fish/completions/dlpath.fish',
    '# Module and task ids come from the course in use.',
    'function __dlpath_ids',
    '    command dlpath __complete $argv[1] (commandline -opc)[2..-1] 2>/dev/null',
    'end',
    'complete -c dlpath -f',
  ];
  const names = s.commands.map((c) => c.name);
  for (const c of s.commands) lines.push(`complete -c dlpath -n '__fish_use_subcommand' -a ${c.name} -d '${sq(c.description)}'`);
  for (const g of s.globals) {
    const v = OPTION_VALUES[g.long];
    lines.push(`complete -c dlpath -l ${g.long.slice(2)}${Array.isArray(v) ? ` -x -a '${words(v)}'` : v === 'dir' ? " -x -a '(__fish_complete_directories)'" : ''}`);
  }
  for (const c of s.commands) {
    for (const o of c.options) {
      const v = OPTION_VALUES[o.long];
      const values = Array.isArray(v) ? ` -x -a '${words(v)}'` : v === 'file' ? ' -r -F' : o.value ? ' -x' : '';
      lines.push(`complete -c dlpath -n '__fish_seen_subcommand_from ${c.name}' -l ${o.long.slice(2)}${values}`);
    }
  }
  for (const c of withSubs(s)) {
    const names = words(c.subcommands.map((sc) => sc.name));
    for (const sc of c.subcommands) {
      lines.push(`complete -c dlpath -n '__fish_seen_subcommand_from ${c.name}; and not __fish_seen_subcommand_from ${names}' -a ${sc.name} -d '${sq(sc.description)}'`);
      for (const o of sc.options) {
        const v = OPTION_VALUES[o.long];
        lines.push(`complete -c dlpath -n '__fish_seen_subcommand_from ${c.name}; and __fish_seen_subcommand_from ${sc.name}' -l ${o.long.slice(2)}${v === 'file' ? ' -r -F' : o.value ? ' -x' : ''}`);
      }
    }
  }
  lines.push(
    `complete -c dlpath -n '__fish_seen_subcommand_from ${commandsOf('modules', s).join(' ')}' -a '(__dlpath_ids modules)'`,
    `complete -c dlpath -n '__fish_seen_subcommand_from ${commandsOf('tasks', s).join(' ')}' -a '(__dlpath_ids tasks)'`,
    `complete -c dlpath -n '__fish_seen_subcommand_from config; and not __fish_seen_subcommand_from ${words(CONFIG_ACTIONS)}' -a '${words(CONFIG_ACTIONS)}'`,
    `complete -c dlpath -n '__fish_seen_subcommand_from config; and __fish_seen_subcommand_from ${words(CONFIG_ACTIONS)}; and not __fish_seen_subcommand_from ${words(CONFIG_KEYS)}' -a '${words(CONFIG_KEYS)}'`,
    `complete -c dlpath -n '__fish_seen_subcommand_from completion' -a '${words(SHELLS)}'`,
    `complete -c dlpath -n '__fish_seen_subcommand_from help' -a '${words(names)}'`,
    "complete -c dlpath -n '__fish_seen_subcommand_from validate' -a '(__fish_complete_directories)'",
    "complete -c dlpath -n '__fish_seen_subcommand_from import' -F",
  );
  return `${lines.join('\n')}\n`;
}
