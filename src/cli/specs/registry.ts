// Registry verbs (docker/cli cli/command/registry/*.go and image/push.go); actions live in
// src/commands/registry/<verb>.ts and src/commands/image/push.ts.
import type { CommandModule } from "../spec.js";
import { args, fl, type VerbDef } from "./define.js";

type Load = () => Promise<CommandModule>;

export const push: VerbDef = {
  name: "push",
  useTail: "[OPTIONS] NAME[:TAG]",
  short: "Upload an image to a registry",
  args: args.exact(1),
  flags: [
    fl("a|all-tags", "bool", "Push every tag of the repository"),
    fl("disable-content-trust", "bool", "Do not sign the image", { default: true }),
    fl(
      "platform",
      "string",
      "Push one platform's manifest of a multi-platform image as a single-platform image; the index, other manifests and attestations are not pushed.\n'os[/arch[/variant]]': the platform (e.g. linux/amd64)",
    ),
    fl("q|quiet", "bool", "Print only the image name"),
  ],
  aliasesLine: "docker image push, docker push",
  load: (() => import("../../commands/image/push.js")) as Load,
};

export const login: VerbDef = {
  name: "login",
  useTail: "[OPTIONS] [SERVER]",
  short: "Sign in to a registry",
  long: "Sign in to a registry.\nDocker Hub is used when no server is given.",
  args: args.max(1),
  flags: [
    fl("p|password", "string", "Password or Personal Access Token (PAT)"),
    fl("password-stdin", "bool", "Read the password or Personal Access Token (PAT) from stdin"),
    fl("u|username", "string", "Username"),
  ],
  load: (() => import("../../commands/registry/login.js")) as Load,
};

export const logout: VerbDef = {
  name: "logout",
  useTail: "[SERVER]",
  short: "Sign out of a registry",
  long: "Sign out of a registry.\nWithout a server, the daemon's default registry is used.",
  args: args.max(1),
  flags: [],
  load: (() => import("../../commands/registry/logout.js")) as Load,
};

export const search: VerbDef = {
  name: "search",
  useTail: "[OPTIONS] TERM",
  short: "Find images on Docker Hub",
  args: args.exact(1),
  flags: [
    fl("f|filter", "filter", "Only show results matching a condition"),
    fl("format", "string", "Render each result with a Go template"),
    fl("limit", "int", "Most results to show"),
    fl("no-trunc", "bool", "Show descriptions in full"),
  ],
  load: (() => import("../../commands/registry/search.js")) as Load,
};
