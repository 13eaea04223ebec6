// --restart: docker/cli opts/parse.go ParseRestartPolicy (the daemon validates the name).
export interface RestartPolicy {
  Name: string;
  MaximumRetryCount: number;
}

export function parseRestartPolicy(policy: string): RestartPolicy {
  if (policy === "") return { Name: "", MaximumRetryCount: 0 };
  const colon = policy.indexOf(":");
  const name = colon < 0 ? policy : policy.slice(0, colon);
  const retries = colon < 0 ? "" : policy.slice(colon + 1);
  if (colon >= 0 && name === "") throw new Error("invalid restart policy format: no policy provided before colon");
  let count = 0;
  if (retries !== "") {
    // strconv.Atoi
    if (!/^[+-]?\d+$/.test(retries)) throw new Error("invalid restart policy format: maximum retry count must be an integer");
    count = Number(retries);
  }
  return { Name: name, MaximumRetryCount: count };
}

/** RestartPolicy.IsNone. */
export function isNone(p: RestartPolicy): boolean {
  return p.Name === "" || p.Name === "no";
}
