// Error wording of the three shells images ship: busybox ash (shell/ash.c, ash_vmsg),
// GNU bash 5.x and dash (Debian's /bin/sh).
import type { ShellSyntaxError } from "./ast.js";

export type ShellFlavor = "ash" | "bash" | "dash";

/** How the shell got its commands: decides the message prefix (line numbers, script name). */
export type ShellMode = "c" | "script" | "stdin" | "interactive";

export interface MessageContext {
  flavor: ShellFlavor;
  /** $0: the shell as invoked, or the script path. */
  arg0: string;
  mode: ShellMode;
  line: number;
}

/** "sh: ", "bash: line 1: ", "sh: 1: ", "./s.sh: line 3: " ..., optionally naming a builtin. */
export function prefix(m: MessageContext, builtin?: string): string {
  switch (m.flavor) {
    case "ash": {
      // ash prints "line N:" only while a builtin or a script file is the current command name.
      if (builtin) return `${m.arg0}: ${builtin}: line ${m.line}: `;
      return m.mode === "script" ? `${m.arg0}: line ${m.line}: ` : `${m.arg0}: `;
    }
    case "bash": {
      const head = m.mode === "interactive" ? `${m.arg0}: ` : `${m.arg0}: line ${m.line}: `;
      return builtin ? `${head}${builtin}: ` : head;
    }
    case "dash":
      return builtin ? `${m.arg0}: ${m.line}: ${builtin}: ` : `${m.arg0}: ${m.line}: `;
  }
}

export function notFound(m: MessageContext, name: string): string {
  if (m.flavor === "bash") return `${prefix(m)}${name}: ${name.includes("/") ? "No such file or directory" : "command not found"}\n`;
  return `${prefix(m)}${name}: not found\n`;
}

export function cannotExecute(m: MessageContext, name: string, reason: "permission-denied" | "is-directory"): string {
  if (m.flavor === "bash" && reason === "is-directory") return `${prefix(m)}${name}: Is a directory\n`;
  return `${prefix(m)}${name}: Permission denied\n`;
}

export function syntaxError(m: MessageContext, e: ShellSyntaxError): string {
  const line = e.line;
  switch (m.flavor) {
    case "ash": {
      const p = m.mode === "script" ? `${m.arg0}: line ${line}: ` : `${m.arg0}: `;
      if (e.unterminated) return `${p}syntax error: unterminated quoted string\n`;
      if (e.token === null) return `${p}syntax error: unexpected end of file${e.expecting ? ` (expecting "${e.expecting}")` : ""}\n`;
      return `${p}syntax error: unexpected ${e.token === "newline" ? "newline" : `"${e.token}"`}\n`;
    }
    case "dash": {
      const p = `${m.arg0}: ${line}: `;
      if (e.unterminated) return `${p}Syntax error: Unterminated quoted string\n`;
      if (e.token === null) return `${p}Syntax error: end of file unexpected${e.expecting ? ` (expecting "${e.expecting}")` : ""}\n`;
      return `${p}Syntax error: ${e.token === "newline" ? "newline" : `"${e.token}"`} unexpected\n`;
    }
    case "bash": {
      const p = m.mode === "c" ? `${m.arg0}: -c: line ${line}: ` : m.mode === "interactive" ? `${m.arg0}: ` : `${m.arg0}: line ${line}: `;
      if (e.unterminated) {
        const closer = e.unterminated === "}" || e.unterminated === ")" ? e.unterminated : e.unterminated;
        return `${p}unexpected EOF while looking for matching \`${closer}'\n`;
      }
      if (e.token === null) return `${p}syntax error: unexpected end of file\n`;
      return `${p}syntax error near unexpected token \`${e.token}'\n`;
    }
  }
}

/** cd failure, with the exit status each shell uses. */
export function cdError(m: MessageContext, dir: string, reason: string): { text: string; status: number } {
  switch (m.flavor) {
    case "ash":
      return { text: `${prefix(m, "cd")}can't cd to ${dir}: ${reason}\n`, status: 2 };
    case "dash":
      return { text: `${prefix(m, "cd")}can't cd to ${dir}\n`, status: 2 };
    case "bash":
      return { text: `${prefix(m, "cd")}${dir}: ${reason}\n`, status: 1 };
  }
}

/** A redirection that cannot open its file. */
export function redirError(m: MessageContext, target: string, code: string, forWrite: boolean): string {
  switch (m.flavor) {
    case "ash": {
      const why = code === "ENOENT" ? (forWrite ? "nonexistent directory" : "no such file") : strerrorText(code);
      return `${prefix(m)}can't ${forWrite ? "create" : "open"} ${target}: ${why}\n`;
    }
    case "dash": {
      const why = code === "ENOENT" ? (forWrite ? "Directory nonexistent" : "No such file") : strerrorText(code);
      return `${prefix(m)}cannot ${forWrite ? "create" : "open"} ${target}: ${why}\n`;
    }
    case "bash":
      return `${prefix(m)}${target}: ${strerrorText(code)}\n`;
  }
}

function strerrorText(code: string): string {
  const map: Record<string, string> = {
    ENOENT: "No such file or directory",
    EISDIR: "Is a directory",
    ENOTDIR: "Not a directory",
    EROFS: "Read-only file system",
    EACCES: "Permission denied",
    ELOOP: "Too many levels of symbolic links",
    EBUSY: "Resource busy",
  };
  return map[code] ?? code;
}
