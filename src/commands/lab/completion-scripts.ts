// The bash, zsh and fish completion scripts: shared lookup functions generated from the specs,
// and a small driver per shell. Object names come from the simulated host itself.
import type { CompletionEntry } from "./completion-data.js";

const q = (s: string) => `'${s.replace(/'/g, "'\\''")}'`;

/** POSIX `case` functions (bash and zsh read them alike). */
function lookupFunctions(entries: CompletionEntry[]): string {
  const fn = (name: string, pick: (e: CompletionEntry) => string[]) =>
    `${name}() {\n  case "$1" in\n` +
    entries.filter((e) => pick(e).length > 0).map((e) => `    ${q(e.path)}) echo ${q(pick(e).join(" "))} ;;\n`).join("") +
    "  esac\n}\n";
  return [
    fn("_mockdocker_subs", (e) => e.subs),
    fn("_mockdocker_flags", (e) => e.flags),
    fn("_mockdocker_args", (e) => e.args),
    `_mockdocker_names() {
  case "$1" in
    container) mockdocker ps -a --format '{{.Names}}' 2>/dev/null ;;
    image) mockdocker images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | grep -v '<none>' ;;
    network) mockdocker network ls --format '{{.Name}}' 2>/dev/null ;;
    volume) mockdocker volume ls --format '{{.Name}}' 2>/dev/null ;;
  esac
}
`,
  ].join("\n");
}

export function bashScript(entries: CompletionEntry[]): string {
  return `# bash completion for mockdocker: source <(mockdocker completion bash)
${lookupFunctions(entries)}
_mockdocker() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" cmdpath="" w i n=0 subs kinds
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    case "$w" in -*) continue ;; esac
    subs=" $(_mockdocker_subs "$cmdpath") "
    if [[ $n -eq 0 && "$subs" == *" $w "* ]]; then cmdpath="\${cmdpath:+$cmdpath }$w"; else n=$((n + 1)); fi
  done
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$(_mockdocker_flags "$cmdpath")" -- "$cur"))
    return
  fi
  subs="$(_mockdocker_subs "$cmdpath")"
  if [[ -n "$subs" && $n -eq 0 ]]; then
    COMPREPLY=($(compgen -W "$subs" -- "$cur"))
    return
  fi
  kinds=($(_mockdocker_args "$cmdpath"))
  [[ \${#kinds[@]} -eq 0 ]] && return
  local kind="\${kinds[n]:-\${kinds[\${#kinds[@]}-1]}}"
  local IFS=$'\\n'
  COMPREPLY=($(compgen -W "$(_mockdocker_names "$kind")" -- "$cur"))
}
complete -F _mockdocker mockdocker
`;
}

export function zshScript(entries: CompletionEntry[]): string {
  return `#compdef mockdocker
# zsh completion for mockdocker: source <(mockdocker completion zsh)
${lookupFunctions(entries)}
_mockdocker() {
  local cur="\${words[CURRENT]}" cmdpath="" w i n=0 subs
  local -a kinds
  for ((i = 2; i < CURRENT; i++)); do
    w="\${words[i]}"
    [[ "$w" == -* ]] && continue
    subs=" $(_mockdocker_subs "$cmdpath") "
    if [[ $n -eq 0 && "$subs" == *" $w "* ]]; then cmdpath="\${cmdpath:+$cmdpath }$w"; else n=$((n + 1)); fi
  done
  if [[ "$cur" == -* ]]; then
    compadd -- \${=$(_mockdocker_flags "$cmdpath")}
    return
  fi
  subs="$(_mockdocker_subs "$cmdpath")"
  if [[ -n "$subs" && $n -eq 0 ]]; then
    compadd -- \${=subs}
    return
  fi
  kinds=(\${=$(_mockdocker_args "$cmdpath")})
  (( \${#kinds} == 0 )) && return
  local kind="\${kinds[n + 1]:-\${kinds[-1]}}"
  compadd -- \${(f)"$(_mockdocker_names "$kind")"}
}
if (( $+functions[compdef] )); then compdef _mockdocker mockdocker; fi
`;
}

export function fishScript(entries: CompletionEntry[]): string {
  const fn = (name: string, pick: (e: CompletionEntry) => string[]) =>
    `function ${name}\n    switch "$argv[1]"\n` +
    entries.filter((e) => pick(e).length > 0).map((e) => `        case ${q(e.path)}\n            echo ${q(pick(e).join(" "))}\n`).join("") +
    "    end\nend\n";
  return `# fish completion for mockdocker: mockdocker completion fish | source
${fn("__mockdocker_subs", (e) => e.subs)}
${fn("__mockdocker_flags", (e) => e.flags)}
${fn("__mockdocker_args", (e) => e.args)}
function __mockdocker_names
    switch "$argv[1]"
        case container
            mockdocker ps -a --format '{{.Names}}' 2>/dev/null
        case image
            mockdocker images --format '{{.Repository}}:{{.Tag}}' 2>/dev/null | string match -v '*<none>*'
        case network
            mockdocker network ls --format '{{.Name}}' 2>/dev/null
        case volume
            mockdocker volume ls --format '{{.Name}}' 2>/dev/null
    end
end

function __mockdocker_complete
    set -l cmdpath ''
    set -l n 0
    set -l typed (commandline -opc)
    set -e typed[1]
    for w in $typed
        string match -q -- '-*' $w; and continue
        if test $n -eq 0; and contains -- $w (string split ' ' -- (__mockdocker_subs "$cmdpath"))
            set cmdpath (string trim -- "$cmdpath $w")
        else
            set n (math $n + 1)
        end
    end
    set -l cur (commandline -ct)
    if string match -q -- '-*' $cur
        string split ' ' -- (__mockdocker_flags "$cmdpath")
        return
    end
    set -l subs (__mockdocker_subs "$cmdpath")
    if test -n "$subs"; and test $n -eq 0
        string split ' ' -- $subs
        return
    end
    set -l kinds (string split ' ' -- (__mockdocker_args "$cmdpath"))
    test (count $kinds) -eq 0; and return
    set -l i (math $n + 1)
    test $i -gt (count $kinds); and set i (count $kinds)
    __mockdocker_names $kinds[$i]
end

complete -c mockdocker -f -a '(__mockdocker_complete)'
`;
}
