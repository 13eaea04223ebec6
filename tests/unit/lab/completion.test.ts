// mockdocker completion bash|zsh|fish: generated from the specs, naming the main verbs.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSandbox } from "../../../src/sandbox.js";

const MAIN_VERBS = ["run", "exec", "ps", "pull", "images", "container", "image", "network", "system", "rm", "rmi", "logs", "lab", "completion"];

async function script(shell: string): Promise<string> {
  const r = await createSandbox().run(["completion", shell]);
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

describe("mockdocker completion", () => {
  it.each(["bash", "zsh", "fish"])("%s names the main verbs, their flags and the name lookups", async (shell) => {
    const text = await script(shell);
    for (const verb of MAIN_VERBS) expect(text).toMatch(new RegExp(`[' ]${verb}[' ]`));
    expect(text).toContain("--restart");
    expect(text).toContain("mockdocker ps -a --format '{{.Names}}'");
    expect(text).toContain("mockdocker images --format '{{.Repository}}:{{.Tag}}'");
  });

  it("bash accepts the bash script, and it completes verbs, flags and container names", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "md-compl-"));
    try {
      const file = path.join(dir, "c.bash");
      fs.writeFileSync(file, await script("bash"));
      expect(spawnSync("bash", ["-n", file], { encoding: "utf8" }).status).toBe(0);
      const driver = `source ${file}
mockdocker() { case "$1" in ps) printf 'web\\ndb\\n';; esac; }
t() { COMP_WORDS=("$@"); COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 )); COMPREPLY=(); _mockdocker; echo "\${COMPREPLY[*]}"; }
t mockdocker conta
t mockdocker container run --rest
t mockdocker stop ""
t mockdocker lab snap
`;
      const r = spawnSync("bash", ["-c", driver], { encoding: "utf8" });
      expect(r.stdout).toBe("container\n--restart\nweb db\nsnapshot snapshots\n");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses other shells", async () => {
    const r = await createSandbox().run("completion tcsh");
    expect(r).toEqual({ stdout: "", stderr: 'mockdocker: no completion for "tcsh": use bash, zsh or fish\n', exitCode: 1 });
  });
});
