// A process's comm as ps shows it: the executable's base name, or for a script run through
// its interpreter ("/usr/bin/python /usr/bin/supervisord -n") the script's; at most 15 bytes.
const INTERPRETERS = /^(sh|ash|bash|dash|python[0-9.]*|perl|ruby|node)$/;

export function commOf(command: string): string {
  const words = command.split(" ");
  const base = (w: string) => w.replace(/:$/, "").split("/").pop() ?? w;
  let name = base(words[0]!);
  const script = words[1];
  if (INTERPRETERS.test(name) && script !== undefined && script.startsWith("/")) name = base(script);
  return name.slice(0, 15);
}
